import { z } from 'zod';

export const registerIdParam = z.uuid();

export const registerPrintQuery = z.object({
  /** The incoming follow-up register: deadline, progress and reply instead of transfer columns. */
  followUp: z.stringbool().optional(),
});
