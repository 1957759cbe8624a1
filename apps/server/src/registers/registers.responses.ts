import { z } from 'zod';
import { agencyCode, calendarDate, count, id, pageOf, timestamp } from '../http/response-fields';
import { levelCountSchema } from '../certificates/certificates.responses';
import { entryViewSchema } from './entry.responses';

export const documentTypeSchema = z
  .object({ code: z.string(), name: z.string(), abbreviation: z.string().nullable() })
  .meta({ id: 'DocumentType' });

export const registersOfAgencySchema = z
  .object({
    outgoingSeries: z.enum(['single', 'per_type']),
    registers: z.array(
      z.object({
        id,
        year: z.number().int(),
        kind: z.enum(['incoming', 'outgoing', 'copy']),
        typeCode: z.string().nullable(),
        name: z.string(),
        nextNumber: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RegistersOfAgency' });

export const caseFileSchema = z
  .object({
    id,
    agencyId: id,
    agencyCode,
    code: z.string().meta({ description: 'Số, ký hiệu hồ sơ' }),
    title: z.string(),
    year: z.number().int(),
    keeper: z.string().meta({ description: 'Người lập hồ sơ' }),
    createdBy: id.nullable(),
    createdAt: timestamp,
    entryCount: count,
  })
  .meta({ id: 'CaseFile' });

export const caseFileDetailSchema = caseFileSchema
  .extend({ entries: z.array(entryViewSchema) })
  .meta({ id: 'CaseFileDetail' });

export const caseFileMembershipSchema = z
  .object({ caseFileId: id, entryId: id, added: z.boolean() })
  .meta({ id: 'CaseFileMembership' });

export const notificationSchema = z
  .object({
    id,
    agencyId: id,
    agencyCode,
    kind: z.string(),
    entryId: id.nullable(),
    title: z.string(),
    createdAt: timestamp,
    readAt: timestamp.nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationPageSchema = pageOf(notificationSchema, 'NotificationPage')
  .extend({ unread: count.meta({ description: 'Số thông báo chưa đọc' }) })
  .meta({ id: 'NotificationPage' });

export const reminderRunSchema = z.object({ entries: count, created: count }).meta({ id: 'ReminderRun' });

const directionCounts = { incoming: count, outgoing: count };
const share = z.object({ part: count, total: count, rate: z.number().nullable() });
const unitCount = z.object({
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  agencyId: id,
  agencyCode,
  count,
});

export const reportSummarySchema = z
  .object({
    agencyId: id,
    agencyCode,
    from: calendarDate,
    to: calendarDate,
    includeSubordinates: z.boolean(),
    agencies: z.array(z.object({ id, code: z.string(), name: z.string(), levelLabel: z.string() })),
    totals: z.object(directionCounts),
    byMonth: z.array(z.object({ month: z.string(), ...directionCounts })),
    byType: z.array(z.object({ typeCode: z.string(), typeName: z.string(), ...directionCounts })),
    byUnit: z.object({ incoming: z.array(unitCount), outgoing: z.array(unitCount) }),
    byAgency: z.array(z.object({ agencyId: id, agencyCode, name: z.string(), ...directionCounts })),
    onTime: share.extend({ openOverdue: count, asOf: calendarDate }),
    digitallySigned: share,
    electronicExchange: z.object({ outgoing: share, incoming: share }),
    certificatesByLevel: z.array(levelCountSchema).nullable(),
  })
  .meta({ id: 'ReportSummary' });
