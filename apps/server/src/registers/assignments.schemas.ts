import { DEADLINE_DEFAULT_LIMIT, DEADLINE_MAX_LIMIT } from '@vanthu/registers';
import { z } from 'zod';
import { requestDate } from '../http/request-fields';
import { pageQuery } from '../http/response-fields';

/** A unit or a person of the agency (exactly one), with a deadline and instructions. */
const target = z
  .strictObject({
    unitId: z.uuid().optional(),
    userId: z.uuid().optional(),
    deadline: requestDate.nullish(),
    instructions: z.string().trim().max(1000).nullish(),
  })
  .refine((t) => (t.unitId === undefined) !== (t.userId === undefined), {
    message: 'Chọn đúng một đơn vị (unitId) hoặc một cá nhân (userId)',
  });

export const assignIncomingBody = z.strictObject({
  version: z.number().int().positive(),
  lead: target,
  cooperate: z.array(target).max(50).default([]),
  inform: z.array(target).max(50).default([]),
});

export const deadlineQuery = z.object({
  unitId: z.uuid().optional().meta({ description: 'Chỉ văn bản đơn vị này chủ trì hoặc phối hợp' }),
  userId: z.uuid().optional().meta({ description: 'Chỉ văn bản người này chủ trì hoặc phối hợp' }),
  ...pageQuery(DEADLINE_MAX_LIMIT, DEADLINE_DEFAULT_LIMIT),
});

export const dueSoonQuery = deadlineQuery.extend({
  days: z.coerce.number().int().min(0).max(60).optional(),
});
