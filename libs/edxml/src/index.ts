// Model
export { EDXML_NS, DSIG_NS, XMLDSIG } from './model/edxml-names';
export type {
  AttachmentDescription,
  Bussiness,
  BussinessDocType,
  BussinessDocumentInfo,
  BussinessReceiver,
  DocumentCode,
  DocumentTypeInfo,
  EdocMessageHeader,
  EdxmlOrganization,
  EdxmlPriority,
  OtherInfo,
  PromulgationInfo,
  ReplacementInfo,
  ResponseFor,
  SignerInfo,
  StaffInfo,
  TraceHeader,
  TraceHeaderList,
} from './model/edoc-package';
export { STATUS_CODES, isStatusCode, type StatusCode, type StatusMessage } from './model/status-package';
export type {
  ParsedAttachment,
  ParsedEdocPackage,
  ParsedPackage,
  ParsedStatusPackage,
} from './model/parsed-package';
// Values
export {
  formatEdxmlDate,
  formatEdxmlTimestamp,
  isCalendarDate,
  readEdxmlDate,
  readEdxmlTimestamp,
  vietnamTimestamp,
} from './values/edxml-date';
export { composeDocumentId, parseDocumentId, type DocumentIdParts } from './values/document-id';
// Errors and limits
export { edxmlError, EDXML_ERROR_CODES, type EdxmlErrorCode } from './edxml.errors';
export { DEFAULT_EDXML_LIMITS, type EdxmlLimits } from './edxml-limits';
// Building
export { buildEdocPackage, buildStatusPackage, type BuiltPackage } from './build/package-builder';
export {
  buildEdocPackageToBuffer,
  buildStatusPackageToBuffer,
  type BuiltPackageBytes,
} from './build/package-to-buffer';
export type {
  AttachmentInput,
  AttachmentSource,
  BuildOptions,
  EdocPackageInput,
  StatusPackageInput,
} from './build/package-input';
// Reading and verifying
export { readPackage, type ReadPackageOptions } from './parse/read-package';
export type { PackageInput } from './parse/package-bytes';
export { LENIENCY_CODES, type LeniencyCode, type LeniencyNote } from './parse/leniency-notes';
export type { DetectedType } from './parse/attachment-content';
export type {
  EnvelopeReason,
  EnvelopeReport,
  EnvelopeTrust,
  EnvelopeVerdict,
} from './signature/envelope-report';
export { ENVELOPE_REASON_CODES, type EnvelopeReasonCode } from './signature/envelope-reasons';
// Mapping to and from the registers' field names
export {
  documentTypeCode,
  documentTypeName,
  edocHeaderFromRegister,
  priorityFromEdxml,
  priorityToEdxml,
  registerFieldsFromEdoc,
  deliveryStatusFromStatus,
  type DeliveryStatusFields,
  type IncomingDocumentFields,
  type OutgoingDocumentFields,
  type RegisterPriority,
} from './mapping/register-fields';
export { ND30_DOCUMENT_TYPES } from './mapping/nd30-document-types';
