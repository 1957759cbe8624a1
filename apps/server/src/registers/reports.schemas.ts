import { z } from 'zod';

export const reportSummaryQuery = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  includeSubordinates: z.stringbool().optional(),
});
