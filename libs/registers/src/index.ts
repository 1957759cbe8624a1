export { RegistersModule } from './registers.module';
export { REGISTERS_ENTITIES } from './registers.entities';
export { RegistersErrors, statusLabel } from './registers.errors';
export { NumberAllocator, numberingGroup, type AllocatedNumber } from './numbering/number-allocator';
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
export { type CaseFileView, type CaseFileDetail } from './case-files/case-file-view';
export {
  CreateCaseFileUseCase,
  type CreateCaseFileInput,
} from './case-files/use-cases/create-case-file.use-case';
export { ListCaseFilesUseCase } from './case-files/use-cases/list-case-files.use-case';
export { GetCaseFileUseCase } from './case-files/use-cases/get-case-file.use-case';
export {
  AddCaseFileEntryUseCase,
  type CaseFileMembership,
} from './case-files/use-cases/add-case-file-entry.use-case';
export { RemoveCaseFileEntryUseCase } from './case-files/use-cases/remove-case-file-entry.use-case';
export {
  ExportCaseFileUseCase,
  type CaseFileExport,
  type CaseFileExportFormat,
} from './case-files/use-cases/export-case-file.use-case';
export {
  PrintRegisterUseCase,
  type RegisterPrintout,
  type RegisterPrintFormat,
} from './numbering/use-cases/print-register.use-case';
export {
  GetReportSummaryUseCase,
  type GetReportSummaryInput,
} from './reports/use-cases/get-report-summary.use-case';
export { type ReportSummary, type Share, type UnitCount } from './reports/report-summary';
export type { OutgoingMetadata, RecipientInput, UploadedPdf } from './outgoing/outgoing-metadata';
export { CreateOutgoingDraftUseCase } from './outgoing/use-cases/create-outgoing-draft.use-case';
export { UpdateOutgoingDraftUseCase } from './outgoing/use-cases/update-outgoing-draft.use-case';
export { UploadOutgoingVersionUseCase } from './outgoing/use-cases/upload-outgoing-version.use-case';
export { DecideOutgoingUseCase, type OutgoingDecision } from './outgoing/use-cases/decide-outgoing.use-case';
export { SignOutgoingUseCase } from './outgoing/use-cases/sign-outgoing.use-case';
export { IssueOutgoingUseCase } from './outgoing/use-cases/issue-outgoing.use-case';
export { RecallOutgoingUseCase } from './outgoing/use-cases/recall-outgoing.use-case';
export { ReplaceOutgoingUseCase } from './outgoing/use-cases/replace-outgoing.use-case';
export { UpdateIssuedOutgoingUseCase } from './outgoing/use-cases/update-issued-outgoing.use-case';
export { GetEntryUseCase, type EntryDetails } from './entries/get-entry.use-case';
export { DownloadVersionUseCase } from './entries/download-version.use-case';
export { MakeCopyUseCase, type MakeCopyInput } from './copies/make-copy.use-case';
export { ListCopiesUseCase } from './copies/list-copies.use-case';
export { DownloadCopyUseCase } from './copies/download-copy.use-case';
export { COPY_TYPES } from './copies/document-copy.entity';
export type { CopyView } from './copies/copy-view';
export type { IncomingMetadata, IncomingMetadataChanges } from './incoming/incoming-metadata';
export type { IncomingFile, FileVerificationSummary } from './incoming/incoming-files.verifier';
export type { IncomingEntryView } from './incoming/incoming-view';
export { RegisterIncomingUseCase, type RegisterIncomingInput } from './incoming/register-incoming.use-case';
export { ListInboxUseCase, INBOX_DEFAULT_LIMIT, INBOX_MAX_LIMIT } from './incoming/list-inbox.use-case';
export {
  RegisterFromInboxUseCase,
  type RegisterFromInboxInput,
} from './incoming/register-from-inbox.use-case';
export { ReturnIncomingUseCase, type ReturnIncomingInput } from './incoming/return-incoming.use-case';
export {
  AddProgressNoteUseCase,
  type AddProgressNoteInput,
  type ProgressNoteView,
} from './incoming/add-progress-note.use-case';
export { CloseIncomingUseCase, type CloseIncomingInput } from './incoming/close-incoming.use-case';
export { IncomingReplyLinker } from './incoming/incoming-reply.linker';
export type { CloseActor } from './incoming/incoming-closer';
export {
  AssignIncomingUseCase,
  type AssignIncomingInput,
  type AssignedEntryView,
} from './assignments/assign-incoming.use-case';
export type { AssignmentTarget } from './assignments/assignment-targets';
export { type AssignmentView, toAssignmentView } from './assignments/assignment-view';
export {
  ListOverdueUseCase,
  type DeadlineQuery,
  DEADLINE_DEFAULT_LIMIT,
  DEADLINE_MAX_LIMIT,
} from './assignments/list-overdue.use-case';
export { ListDueSoonUseCase, DUE_SOON_DEFAULT_DAYS } from './assignments/list-due-soon.use-case';
export type { DeadlineItem } from './assignments/deadline-item';
export { DeadlineReminder, type ReminderRun } from './notifications/deadline-reminder';
export { ScanDeadlinesUseCase } from './notifications/scan-deadlines.use-case';
export {
  ListNotificationsUseCase,
  NOTIFICATIONS_DEFAULT_LIMIT,
  NOTIFICATIONS_MAX_LIMIT,
} from './notifications/list-notifications.use-case';
export { MarkNotificationReadUseCase } from './notifications/mark-notification-read.use-case';
export type { NotificationView } from './notifications/notification-view';
export {
  SearchEntriesUseCase,
  type SearchEntriesInput,
  type EntryPage,
  ENTRY_SEARCH_DEFAULT_LIMIT,
  ENTRY_SEARCH_MAX_LIMIT,
} from './search/search-entries.use-case';
export { StatusOutbox, type RemoteStatus } from './deliveries/status-outbox.port';
export { RemoteDeliveryQueue } from './deliveries/remote-delivery-queue.port';
export { RemoteDeliveries, type StatusOutcome } from './deliveries/remote-deliveries';
export type { StatusCandidate } from './deliveries/remote-delivery.repository';
export type { OutgoingDocumentPackage, OutgoingPackageFile } from './deliveries/outgoing-document-package';
export { RemoteInbox, type RemoteDocumentFile, type RemoteDocumentInput } from './deliveries/remote-inbox';
export type { DeliveredDocumentFields } from './deliveries/inbox-delivery';
export type { IssuedCorrections } from './deliveries/inbox-update';
export { RECALL_NOTICE } from './deliveries/inbox-recall';
