import { RegistersErrors } from '../registers.errors';
import type { OutgoingStatus, RegisterEntryEntity } from '../entries/register-entry.entity';

/** An incoming entry addressed as outgoing reads as absent, like another agency's. */
export function assertOutgoing(entry: RegisterEntryEntity): void {
  if (entry.direction !== 'outgoing') throw RegistersErrors.entryNotFound();
}

/** The workflow order of ND30: only these statuses allow `action` (a Vietnamese verb phrase). */
export function assertOutgoingStatus(
  entry: RegisterEntryEntity,
  allowed: readonly OutgoingStatus[],
  action: string,
): void {
  if (!(allowed as readonly string[]).includes(entry.status))
    throw RegistersErrors.statusInvalid(entry.status, action);
}

/** Drafts can be edited and get new files until the signer has signed. */
export const EDITABLE_STATUSES: readonly OutgoingStatus[] = ['draft', 'reviewing', 'approving'];
