import type { Priority } from '../entries/register-entry.entity';

export type RecipientInput =
  | { kind: 'unit'; unitId: string }
  | { kind: 'agency'; organId: string }
  | { kind: 'paper'; organName: string };

/** The fields of an outgoing draft (ND30 names); the number, notation and date come at issue. */
export interface OutgoingMetadata {
  typeCode: string;
  subject: string;
  signerUserId: string;
  signerPosition?: string | null;
  draftingUnitId?: string | null;
  priority?: Priority;
  dueDate?: string | null;
  issuedAmount?: number | null;
  description?: string | null;
  toPlaces?: string | null;
  replyToEntryId?: string | null;
  recipients: RecipientInput[];
}

export interface UploadedPdf {
  fileName: string;
  bytes: Buffer;
}
