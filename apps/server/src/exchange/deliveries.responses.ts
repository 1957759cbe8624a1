import { z } from 'zod';
import { id, pageOf, timestamp } from '../http/response-fields';

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

export const deadLetterPageSchema = pageOf(deadLetterSchema, 'DeadLetterPage');

export const resendOutcomeSchema = z
  .object({ deliveryId: id, action: z.enum(['requeued', 'rebuilt']) })
  .meta({ id: 'ResendOutcome' });
