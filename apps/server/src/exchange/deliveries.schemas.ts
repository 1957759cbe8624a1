import { z } from 'zod';

export const deliveryIdParam = z.uuid();

export const listDeliveriesQuery = z.object({
  /** only dead letters are listed here; the other states are in each entry's details */
  state: z.enum(['dead']),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
