import { formatDocumentNumber } from '../types/notation';
import type {
  EntryDirection,
  EntrySource,
  EntryStatus,
  Priority,
  RegisterEntryEntity,
} from './register-entry.entity';

/** A register entry as the API shows it, with ND30 field names (domain.md §2). */
export interface EntryView {
  id: string;
  agencyId: string;
  direction: EntryDirection;
  status: EntryStatus;
  version: number;
  registerId: string | null;
  year: number | null;
  /** Outgoing: "12/QĐ-UBND" once issued; incoming: the sender's number and notation. */
  numberNotation: string | null;
  /** Incoming: số đến, formatted with its leading zero. */
  arrivalNumber: string | null;
  entryDate: string;
  typeCode: string;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  subject: string;
  organId: string | null;
  organName: string | null;
  signerUserId: string | null;
  signerInfo: { position: string | null; fullName: string | null };
  priority: Priority;
  pageAmount: number | null;
  issuedAmount: number | null;
  description: string | null;
  toPlaces: string | null;
  dueDate: string | null;
  documentIdentifier: string | null;
  source: EntrySource | null;
  arrivalAt: string | null;
  verificationVerdict: string | null;
  verificationOverridden: boolean;
  duplicateOf: string | null;
  draftingUnitId: string | null;
  replyToEntryId: string | null;
  replyEntryId: string | null;
  leadUnitId: string | null;
  leadUserId: string | null;
  closedAt: string | null;
  closeNote: string | null;
  returnReason: string | null;
  replacedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export function numberNotationOf(
  entry: Pick<RegisterEntryEntity, 'codeNumber' | 'codeNotation'>,
): string | null {
  if (!entry.codeNotation) return null;
  return entry.codeNumber ? `${entry.codeNumber}/${entry.codeNotation}` : entry.codeNotation;
}

export function toEntryView(e: RegisterEntryEntity): EntryView {
  return {
    id: e.id,
    agencyId: e.agencyId,
    direction: e.direction,
    status: e.status,
    version: e.version,
    registerId: e.registerId,
    year: e.year,
    numberNotation: numberNotationOf(e),
    arrivalNumber: e.direction === 'incoming' && e.number !== null ? formatDocumentNumber(e.number) : null,
    entryDate: e.entryDate,
    typeCode: e.documentTypeCode,
    codeNumber: e.codeNumber,
    codeNotation: e.codeNotation,
    issuedDate: e.issuedDate,
    subject: e.subject,
    organId: e.organId,
    organName: e.organName,
    signerUserId: e.signerUserId,
    signerInfo: { position: e.signerPosition, fullName: e.signerName },
    priority: e.priority,
    pageAmount: e.pageAmount,
    issuedAmount: e.issuedAmount,
    description: e.description,
    toPlaces: e.toPlaces,
    dueDate: e.dueDate,
    documentIdentifier: e.documentIdentifier,
    source: e.source,
    arrivalAt: e.arrivalAt?.toISOString() ?? null,
    verificationVerdict: e.verificationVerdict,
    verificationOverridden: e.verificationOverridden,
    duplicateOf: e.duplicateOf,
    draftingUnitId: e.draftingUnitId,
    replyToEntryId: e.replyToEntryId,
    replyEntryId: e.replyEntryId,
    leadUnitId: e.leadUnitId,
    leadUserId: e.leadUserId,
    closedAt: e.closedAt?.toISOString() ?? null,
    closeNote: e.closeNote,
    returnReason: e.returnReason,
    replacedBy: e.replacedBy,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
