import { INCOMING_STATUSES, OUTGOING_STATUSES, PRIORITIES } from '@vanthu/registers';
import { z } from 'zod';
import { agencyCode, calendarDate, count, id, pageOf, timestamp } from '../http/response-fields';
import { verificationReportSchema } from '../verify/verify.responses';

const STATUSES = [...new Set([...OUTGOING_STATUSES, ...INCOMING_STATUSES])];

/** A register entry (incoming or outgoing) with the ND30 / edXML field names. */
export const entryViewSchema = z
  .object({
    id,
    agencyId: id,
    agencyCode,
    direction: z.enum(['incoming', 'outgoing']),
    status: z.enum(STATUSES as [(typeof STATUSES)[number], ...(typeof STATUSES)[number][]]),
    version: z.number().int().meta({ description: 'Gửi lại làm `version` ở mọi thao tác tiếp theo' }),
    registerId: id.nullable(),
    year: z.number().int().nullable(),
    numberNotation: z.string().nullable().meta({ description: 'Số, ký hiệu, ví dụ 12/QĐ-UBND' }),
    arrivalNumber: z.string().nullable().meta({ description: 'Số đến (văn bản đến)' }),
    entryDate: calendarDate,
    typeCode: z.string(),
    codeNumber: z.string().nullable(),
    codeNotation: z.string().nullable(),
    issuedDate: calendarDate.nullable(),
    subject: z.string().meta({ description: 'Trích yếu' }),
    organId: z.string().nullable(),
    organName: z.string().nullable(),
    signerUserId: id.nullable(),
    signerInfo: z.object({ position: z.string().nullable(), fullName: z.string().nullable() }),
    priority: z.enum(PRIORITIES),
    pageAmount: z.number().int().nullable(),
    issuedAmount: z.number().int().nullable(),
    description: z.string().nullable(),
    toPlaces: z.string().nullable(),
    dueDate: calendarDate.nullable(),
    documentIdentifier: z.string().nullable(),
    source: z.enum(['upload', 'local', 'exchange']).nullable(),
    arrivalAt: timestamp.nullable(),
    verificationVerdict: z.string().nullable(),
    verificationOverridden: z.boolean(),
    duplicateOf: id.nullable(),
    draftingUnitId: id.nullable(),
    replyToEntryId: id.nullable(),
    replyEntryId: id.nullable(),
    leadUnitId: id.nullable(),
    leadUserId: id.nullable(),
    closedAt: timestamp.nullable(),
    closeNote: z.string().nullable(),
    returnReason: z.string().nullable(),
    replacedBy: id.nullable(),
    createdBy: id.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Entry' });

export const entryPageSchema = pageOf(entryViewSchema, 'EntryPage');

export const documentVersionSchema = z
  .object({
    id,
    fileIndex: z.number().int().meta({ description: '0: văn bản chính; 1…: phụ lục' }),
    fileName: z.string(),
    seq: z.number().int(),
    kind: z.enum(['issued', 'received', 'upload', 'original', 'personal_signed', 'attachment_signed']),
    sha256: z.string(),
    sizeBytes: count,
    mediaType: z.string().meta({
      description:
        'application/pdf; tệp đính kèm không phải PDF của văn bản nhận qua liên thông: kiểu của tệp (không kiểm tra chữ ký)',
    }),
    verificationVerdict: z.string().nullable().meta({ description: 'null: tệp không phải PDF' }),
    createdBy: id.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'DocumentVersion' });

export const assignmentSchema = z
  .object({
    id,
    role: z.enum(['lead', 'cooperate', 'inform']),
    unitId: id.nullable(),
    userId: id.nullable(),
    deadline: calendarDate.nullable(),
    instructions: z.string().nullable(),
    assignedBy: id,
    assignedAt: timestamp,
    completedAt: timestamp.nullable(),
  })
  .meta({ id: 'Assignment' });

export const copyViewSchema = z
  .object({
    id,
    sourceEntryId: id,
    copyType: z.enum(['sao-y', 'sao-luc', 'trich-sao']),
    copyTypeName: z.string(),
    year: z.number().int(),
    number: z.number().int(),
    numberNotation: z.string().meta({ description: 'Ví dụ 01/SY-UBND' }),
    toPlaces: z.string().nullable(),
    fileName: z.string(),
    sha256: z.string(),
    sizeBytes: count,
    createdBy: id.nullable(),
    createdAt: timestamp,
    withdrawnAt: timestamp.nullable(),
  })
  .meta({ id: 'Copy' });

const fileVerificationSchema = z.object({
  fileIndex: z.number().int(),
  fileName: z.string(),
  verdict: z.string(),
  signatures: z.array(
    z.object({ signer: z.string().nullable(), verdict: z.string(), reasons: z.array(z.string()) }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).meta({
    description:
      'Những gì kiểm tra thấy ở cả tệp, hiển thị cạnh kết luận: ACTIVE_CONTENT (nội dung chủ động), UNCOVERED_TAIL …',
  }),
});

export const incomingEntrySchema = entryViewSchema
  .extend({
    verification: z.object({
      verdict: z.string().nullable(),
      overridden: z.boolean(),
      files: z.array(fileVerificationSchema),
    }),
    files: z.array(documentVersionSchema),
  })
  .meta({ id: 'IncomingEntry' });

export const deadlineItemSchema = entryViewSchema
  .extend({ daysLeft: z.number().int().meta({ description: 'Số ngày còn lại (âm: quá hạn)' }) })
  .meta({ id: 'DeadlineItem' });

export const assignedEntrySchema = entryViewSchema
  .extend({ assignments: z.array(assignmentSchema) })
  .meta({ id: 'AssignedEntry' });

const noteSchema = z.object({
  id,
  /** null: written by the sender's system on another node (an update received by exchange) */
  authorId: id.nullable(),
  kind: z.enum(['progress', 'opinion', 'comment', 'review', 'return']),
  body: z.string(),
  createdAt: timestamp,
});

const deliverySchema = z.object({
  id,
  channel: z.enum(['local', 'exchange', 'paper', 'internal']),
  business: z.enum(['new', 'revoke', 'update', 'replace']),
  organId: z.string().nullable(),
  organName: z.string(),
  state: z.enum(['pending', 'delivered', 'sent', 'failed', 'not_sent']),
  statusCode: z.string().nullable().meta({ description: 'Trạng thái edXML mới nhất: 01…06, 13, 15, 16' }),
  statusDescription: z.string().nullable(),
  statusAt: timestamp.nullable(),
  statuses: z.array(z.object({ code: z.string(), description: z.string().nullable(), at: timestamp })),
});

const recipientSchema = z.object({
  id,
  position: z.number().int(),
  kind: z.enum(['unit', 'agency', 'paper']),
  unitId: id.nullable(),
  agencyId: id.nullable(),
  agencyCode,
  organId: z.string().nullable(),
  organName: z.string(),
});

export const entryDetailsSchema = entryViewSchema
  .extend({
    files: z.array(documentVersionSchema),
    versions: z.array(documentVersionSchema),
    verificationReports: z
      .record(z.string(), verificationReportSchema)
      .meta({ description: 'Kết quả kiểm tra chữ ký của từng tệp đã nhận, theo id phiên bản' }),
    notes: z.array(noteSchema),
    assignments: z.array(assignmentSchema),
    recipients: z.array(recipientSchema),
    deliveries: z.array(deliverySchema),
    replies: z.array(
      entryViewSchema.pick({
        id: true,
        status: true,
        numberNotation: true,
        organName: true,
        subject: true,
        arrivalAt: true,
      }),
    ),
    copies: z.array(copyViewSchema),
  })
  .meta({ id: 'EntryDetails' });

export const progressNoteResultSchema = z
  .object({
    note: z.object({
      id,
      entryId: id,
      kind: z.enum(['progress', 'opinion']),
      body: z.string(),
      authorId: id,
      createdAt: timestamp,
    }),
    entry: entryViewSchema,
  })
  .meta({ id: 'ProgressNoteResult' });

export const signResultSchema = z
  .object({
    version: z.number().int().meta({ description: 'Phiên bản mới của văn bản (gửi lại ở bước tiếp theo)' }),
    status: z.literal('signed'),
    file: documentVersionSchema,
  })
  .meta({ id: 'SignResult' });
