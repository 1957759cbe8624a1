export { DirectoryModule } from './directory.module';
export { DIRECTORY_ENTITIES } from './directory.entities';
export { type Agency, type AgencyRecord, AGENCY_RECORD_FIELDS, toAgencyRecord } from './agency';
export {
  AGENCY_CODE_MAX_LENGTH,
  AGENCY_CODE_PATTERN,
  canonicalAgencyCode,
  isValidAgencyCode,
  normalizeAgencyCode,
  tryNormalizeAgencyCode,
} from './agency-code';
export {
  agencyChangesSchema,
  agencyRecordSchema,
  type AgencyChangesInput,
  type AgencyRecordInput,
} from './agency-fields.schema';
export { AgencyCodes } from './agency-codes';
export { AgencyRepository, type AgencySearch } from './agency.repository';
export { type DirectoryActor, type DirectoryUserActor, SystemDirectoryActor } from './directory-actor';
export { DirectoryAuthorization, type DirectoryMaintainer } from './directory-authorization';
export { DirectoryErrors, type ImportProblem } from './directory.errors';
export { type SuccessorChain } from './successor-chain';
export { CreateAgencyUseCase, type CreateAgencyInput } from './use-cases/create-agency.use-case';
export { UpdateAgencyUseCase, type UpdateAgencyInput } from './use-cases/update-agency.use-case';
export { GetAgencyUseCase, type AgencyDetails } from './use-cases/get-agency.use-case';
export {
  SearchAgenciesUseCase,
  SEARCH_DEFAULT_LIMIT,
  SEARCH_MAX_LIMIT,
  type AgencyPage,
  type SearchAgenciesInput,
} from './use-cases/search-agencies.use-case';
export { ResolveSuccessorUseCase } from './use-cases/resolve-successor.use-case';
export { ResolveAgencyReferenceUseCase } from './use-cases/resolve-agency-reference.use-case';
export {
  ImportAgenciesUseCase,
  type DirectoryFileFormat,
  type ImportAgenciesInput,
  type ImportAgenciesResult,
} from './use-cases/import-agencies.use-case';
export { ExportAgenciesUseCase, type DirectoryExport } from './use-cases/export-agencies.use-case';
export {
  DEMO_AGENCIES,
  DEMO_CENTRAL_CODE,
  DEMO_CENTRAL_UNITS,
  DEMO_COMMUNE_CODES,
  DEMO_COMMUNE_UNITS,
  DEMO_DISTRICT_CODE,
  DEMO_DISTRICT_UNITS,
  DEMO_PROVINCE_CODE,
  demoCommuneCode,
} from './demo/demo-agencies';
export type { DemoAgency, DemoUnit } from './demo/demo-agencies';
