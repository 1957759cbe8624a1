import { z } from 'zod';
import { pageQuery } from '../http/response-fields';

export const deliveryIdParam = z.uuid();

export const listDeliveriesQuery = z.object({
  /** only dead letters are listed here; the other states are in each entry's details */
  state: z.enum(['dead']),
  ...pageQuery(500, 100),
});
