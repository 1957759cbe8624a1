import { Module } from '@nestjs/common';
import { AgencyCodes } from './agency-codes';
import { AgencyRepository } from './agency.repository';
import { DirectoryAuthorization } from './directory-authorization';
import { CreateAgencyUseCase } from './use-cases/create-agency.use-case';
import { ExportAgenciesUseCase } from './use-cases/export-agencies.use-case';
import { GetAgencyUseCase } from './use-cases/get-agency.use-case';
import { ImportAgenciesUseCase } from './use-cases/import-agencies.use-case';
import { ResolveAgencyReferenceUseCase } from './use-cases/resolve-agency-reference.use-case';
import { ResolveSuccessorUseCase } from './use-cases/resolve-successor.use-case';
import { SearchAgenciesUseCase } from './use-cases/search-agencies.use-case';
import { UpdateAgencyUseCase } from './use-cases/update-agency.use-case';

const PROVIDERS = [
  AgencyRepository,
  AgencyCodes,
  DirectoryAuthorization,
  CreateAgencyUseCase,
  UpdateAgencyUseCase,
  GetAgencyUseCase,
  SearchAgenciesUseCase,
  ResolveSuccessorUseCase,
  ResolveAgencyReferenceUseCase,
  ImportAgenciesUseCase,
  ExportAgenciesUseCase,
];

/** Needs Database (PersistenceModule), AuditLog (AuditModule) and Clock from the application. */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class DirectoryModule {}
