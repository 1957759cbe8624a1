import {
  ENTRY_SEARCH_MAX_LIMIT,
  type EntryStatus,
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
  PRIORITIES,
} from '@vanthu/registers';
import { z } from 'zod';
import { requestDate, requestYearQuery } from '../http/request-fields';

const STATUSES = [...new Set<EntryStatus>([...OUTGOING_STATUSES, ...INCOMING_STATUSES])] as [
  EntryStatus,
  ...EntryStatus[],
];

/** `status=registered&status=assigned` and `status=registered,assigned` both give a list. */
const statusList = z.preprocess(
  (value) => (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean),
  z.array(z.enum(STATUSES)).min(1).max(STATUSES.length),
);

export const searchEntriesQuery = z
  .object({
    q: z.string().max(200).optional(),
    direction: z.enum(['incoming', 'outgoing']).optional(),
    registerId: z.uuid().optional(),
    year: requestYearQuery.optional(),
    from: requestDate.optional(),
    to: requestDate.optional(),
    type: z
      .string()
      .regex(/^[A-Za-z]{1,10}$/)
      .transform((v) => v.toUpperCase())
      .optional(),
    status: statusList.optional(),
    priority: z.enum(PRIORITIES).optional(),
    unitId: z.uuid().optional(),
    assigneeId: z.uuid().optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(ENTRY_SEARCH_MAX_LIMIT).optional(),
    cursor: z.string().max(200).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: '"from" phải không sau "to"',
    path: ['to'],
  });

export type SearchEntriesQuery = z.infer<typeof searchEntriesQuery>;
