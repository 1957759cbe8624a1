import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const readinessSchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({ database: z.boolean(), storage: z.boolean() }),
  })
  .meta({ id: 'Readiness' });
