import { z } from 'zod';

export const uuidParam = z.uuid();

/** Multipart text fields arrive as strings; a passphrase is taken exactly as typed (no trimming). */
const passphrase = z.string().max(1024);

export const organisationUploadBody = z.object({ passphrase });

export const personalUploadBody = z.object({
  passphrase,
  /** For an admin loading someone else's certificate; the caller themself when absent. */
  userId: z.uuid().optional(),
});

export const replaceUploadBody = z.object({ passphrase });

export const revokeBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const trustAnchorUploadBody = z.object({ label: z.string().trim().max(200).optional() });
