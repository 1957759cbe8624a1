export { RegistersModule } from './registers.module';
export { REGISTERS_ENTITIES } from './registers.entities';
export { RegistersErrors, statusLabel } from './registers.errors';
export { NumberAllocator, type AllocatedNumber } from './numbering/number-allocator';
export { DocumentTypeRepository } from './types/document-type.repository';
export { composeNotation, formatDocumentNumber, numberNotation, documentIdentifier } from './types/notation';
export { vietnamDate, vietnamYear, addDays } from './types/vietnam-date';
export { type EntryView, toEntryView } from './entries/entry-view';
export {
  PRIORITIES,
  type Priority,
  type EntryStatus,
  type EntryDirection,
  OUTGOING_STATUSES,
  INCOMING_STATUSES,
} from './entries/register-entry.entity';
export {
  ListRegistersUseCase,
  type RegisterView,
  type RegistersOfAgency,
} from './numbering/use-cases/list-registers.use-case';
export { SetOutgoingSeriesUseCase } from './numbering/use-cases/set-outgoing-series.use-case';
export { ListDocumentTypesUseCase, type DocumentTypeView } from './types/list-document-types.use-case';
