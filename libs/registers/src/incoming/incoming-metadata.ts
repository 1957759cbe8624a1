import type { Priority, RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegistersErrors } from '../registers.errors';

/** The ND30 fields of an incoming document as the clerk enters or corrects them (domain.md §2). */
export interface IncomingMetadata {
  typeCode: string;
  codeNumber?: string | null;
  codeNotation?: string | null;
  issuedDate?: string | null;
  subject: string;
  organId?: string | null;
  organName?: string | null;
  signerPosition?: string | null;
  signerName?: string | null;
  priority?: Priority;
  toPlaces?: string | null;
  dueDate?: string | null;
  pageAmount?: number | null;
  description?: string | null;
  documentIdentifier?: string | null;
}

/** What the clerk may correct on a document delivered to the inbox (its identifier comes with it). */
export type IncomingMetadataChanges = Partial<Omit<IncomingMetadata, 'documentIdentifier'>>;

export type IncomingFields = Pick<
  RegisterEntryEntity,
  | 'documentTypeCode'
  | 'codeNumber'
  | 'codeNotation'
  | 'issuedDate'
  | 'subject'
  | 'organId'
  | 'organName'
  | 'signerPosition'
  | 'signerName'
  | 'priority'
  | 'toPlaces'
  | 'dueDate'
  | 'pageAmount'
  | 'description'
>;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Empty text counts as absent, so a cleared form field stores NULL rather than ''. */
function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The entry columns for the metadata; `base` supplies what a partial correction leaves unchanged. */
export function incomingFields(meta: IncomingMetadataChanges, base?: IncomingFields): IncomingFields {
  const pick = <K extends keyof IncomingMetadataChanges, V>(
    key: K,
    map: (v: IncomingMetadataChanges[K]) => V,
    fallback: V,
  ): V => (key in meta && meta[key] !== undefined ? map(meta[key]) : fallback);
  return {
    documentTypeCode: pick('typeCode', (v) => v!.trim(), base?.documentTypeCode ?? ''),
    codeNumber: pick('codeNumber', text, base?.codeNumber ?? null),
    codeNotation: pick('codeNotation', text, base?.codeNotation ?? null),
    issuedDate: pick('issuedDate', text, base?.issuedDate ?? null),
    subject: pick('subject', (v) => v!.trim(), base?.subject ?? ''),
    organId: pick('organId', text, base?.organId ?? null),
    organName: pick('organName', text, base?.organName ?? null),
    signerPosition: pick('signerPosition', text, base?.signerPosition ?? null),
    signerName: pick('signerName', text, base?.signerName ?? null),
    priority: pick('priority', (v) => v ?? 'normal', base?.priority ?? 'normal'),
    toPlaces: pick('toPlaces', text, base?.toPlaces ?? null),
    dueDate: pick('dueDate', text, base?.dueDate ?? null),
    pageAmount: pick('pageAmount', (v) => v ?? null, base?.pageAmount ?? null),
    description: pick('description', text, base?.description ?? null),
  };
}

/**
 * Date rules of an incoming document registered on `arrivalDate`: real calendar dates, a document
 * cannot be dated after it arrived, and its handling deadline cannot precede its arrival.
 */
export function checkIncomingDates(
  fields: Pick<IncomingFields, 'issuedDate' | 'dueDate'>,
  arrivalDate: string,
): void {
  if (fields.issuedDate !== null && !isCalendarDate(fields.issuedDate))
    throw RegistersErrors.dateInvalid('issuedDate');
  if (fields.dueDate !== null && !isCalendarDate(fields.dueDate))
    throw RegistersErrors.dateInvalid('dueDate');
  if (fields.issuedDate !== null && fields.issuedDate > arrivalDate)
    throw RegistersErrors.issuedDateInFuture();
  if (fields.dueDate !== null && fields.dueDate < arrivalDate) throw RegistersErrors.dueDateBeforeArrival();
}
