import { z } from 'zod';

const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true });

export const deadLetterSchema = z
  .object({
    deliveryId: id,
    consignmentId: id,
    kind: z.enum(['edoc', 'status']),
    business: z.string().nullable(),
    to: z.string().nullable(),
    peer: z.string(),
    attempts: z.number().int(),
    firstQueuedAt: timestamp,
    lastErrorCode: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'DeadLetter' });

export const deadLetterListSchema = z.array(deadLetterSchema);

export const resendOutcomeSchema = z
  .object({ deliveryId: id, action: z.enum(['requeued', 'rebuilt']) })
  .meta({ id: 'ResendOutcome' });
