import type { Provider } from '@nestjs/common';
import { CaseFileRepository } from './case-file.repository';
import { AddCaseFileEntryUseCase } from './use-cases/add-case-file-entry.use-case';
import { CreateCaseFileUseCase } from './use-cases/create-case-file.use-case';
import { ExportCaseFileUseCase } from './use-cases/export-case-file.use-case';
import { GetCaseFileUseCase } from './use-cases/get-case-file.use-case';
import { ListCaseFilesUseCase } from './use-cases/list-case-files.use-case';
import { RemoveCaseFileEntryUseCase } from './use-cases/remove-case-file-entry.use-case';

/** Providers of the case-files area; the use cases among them are exported by RegistersModule. */
export const CASE_FILES_PROVIDERS: Provider[] = [
  CaseFileRepository,
  CreateCaseFileUseCase,
  ListCaseFilesUseCase,
  GetCaseFileUseCase,
  AddCaseFileEntryUseCase,
  RemoveCaseFileEntryUseCase,
  ExportCaseFileUseCase,
];
