import type { IncomingStatus, RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegistersErrors } from '../registers.errors';
import { formatDocumentNumber } from '../types/notation';

/** An outgoing entry addressed as incoming reads as absent, like another agency's. */
export function assertIncoming(entry: RegisterEntryEntity): void {
  if (entry.direction !== 'incoming') throw RegistersErrors.entryNotFound();
}

/** The ND30 incoming workflow: only these statuses allow `action` (a Vietnamese verb phrase). */
export function assertIncomingStatus(
  entry: RegisterEntryEntity,
  allowed: readonly IncomingStatus[],
  action: string,
): void {
  if (!(allowed as readonly string[]).includes(entry.status))
    throw RegistersErrors.statusInvalid(entry.status, action);
}

/** Registered and still being handled: what deadlines, assignments and notes apply to. */
export const OPEN_STATUSES: readonly IncomingStatus[] = ['registered', 'assigned', 'in_progress'];

/** `YYYY-MM-DD` → `DD/MM/YYYY`, the way dates are written in Vietnamese text. */
export function vietnameseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** How an incoming entry is named in a notification: its arrival number and subject. */
export function incomingLabel(entry: Pick<RegisterEntryEntity, 'number' | 'subject'>, max = 400): string {
  const subject = entry.subject.length > max ? `${entry.subject.slice(0, max - 1)}…` : entry.subject;
  const number = entry.number === null ? '' : ` số ${formatDocumentNumber(entry.number)}`;
  return `văn bản đến${number}: ${subject}`;
}
