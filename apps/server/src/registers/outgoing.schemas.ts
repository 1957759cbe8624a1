import { z } from 'zod';
import { jsonFormField } from '../http/json-form-field';
import { requestDate } from '../http/request-fields';

const isoDate = requestDate;
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const recipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: z.uuid() }),
  z.object({ kind: z.literal('agency'), organId: z.string().trim().min(1).max(35) }),
  z.object({ kind: z.literal('paper'), organName: z.string().trim().min(1).max(200) }),
]);

/** ND30 field lengths (domain.md §2). */
const draftFields = {
  typeCode: z.string().trim().min(1).max(10),
  subject: z.string().trim().min(1).max(500),
  signerUserId: z.uuid(),
  signerPosition: optionalText(100),
  draftingUnitId: z.uuid().nullish(),
  priority: z.enum(['normal', 'urgent', 'very_urgent', 'flash']).optional(),
  dueDate: isoDate.nullish(),
  issuedAmount: z.number().int().min(1).max(999).nullish(),
  description: optionalText(500),
  toPlaces: optionalText(1000),
  replyToEntryId: z.uuid().nullish(),
  recipients: z.array(recipientSchema).min(1).max(500),
};

export const draftMetadata = z.object(draftFields).strict();

/** Multipart text fields are strings: `metadata` carries the JSON of the draft's fields. */
export const draftUploadBody = z.object({ metadata: jsonFormField(draftMetadata, 'metadata') });

const version = z.number().int().min(1);

export const draftChangesBody = z
  .object({ version, ...Object.fromEntries(Object.entries(draftFields).map(([k, v]) => [k, v.optional()])) })
  .strict() as unknown as z.ZodType<{ version: number } & Partial<z.infer<typeof draftMetadata>>>;

export const versionUploadBody = z.object({
  version: z.coerce.number().int().min(1),
  fileIndex: z.coerce.number().int().min(0).max(20).default(0),
});

export const decisionBody = z.object({
  version,
  decision: z.enum(['submit', 'forward', 'approve', 'return']),
  comment: z.string().trim().min(1).max(2000).optional(),
});

const rect = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

export const signBody = z.object({
  version,
  passphrase: z.string().min(1).max(1024),
  certificateId: z.uuid().optional(),
  placement: z.object({ page: z.number().int().min(1), rect }).optional(),
});

export const issueBody = z.object({ version });

export const recallBody = z.object({ version, reason: z.string().trim().min(1).max(500) });

export const entryIdParam = z.uuid();

export const replaceBody = z.object({
  version,
  replacementEntryId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
});

export const updateIssuedBody = z.object({
  version,
  reason: z.string().trim().min(1).max(500),
  changes: z
    .object({
      subject: draftFields.subject.optional(),
      dueDate: isoDate.nullish(),
      toPlaces: optionalText(1000),
      description: optionalText(500),
      priority: draftFields.priority,
    })
    .strict()
    .refine((c) => Object.keys(c).length > 0, { message: 'Cần ít nhất một thông tin cập nhật' }),
});
