import type { PipeTransform } from '@nestjs/common';
import {
  INBOX_DEFAULT_LIMIT,
  INBOX_MAX_LIMIT,
  PRIORITIES,
  RegistersErrors,
  type IncomingFile,
} from '@vanthu/registers';
import { z } from 'zod';
import { jsonFormField } from '../http/json-form-field';
import { requestDate } from '../http/request-fields';
import { pageQuery } from '../http/response-fields';

export const entryIdParam = z.uuid();

/** Optional text: trimmed, empty counts as absent. */
const text = (max: number) => z.string().trim().max(max).nullish();
const date = requestDate.nullish();

/** The ND30 incoming fields with their maximum lengths (domain.md §2). */
const incomingFields = {
  typeCode: z.string().trim().min(1).max(10),
  codeNumber: text(11),
  codeNotation: text(30),
  issuedDate: date,
  subject: z.string().trim().min(1).max(500),
  organId: text(35),
  organName: text(200),
  signerPosition: text(100),
  signerName: text(50),
  priority: z.enum(PRIORITIES).optional(),
  toPlaces: text(1000),
  dueDate: date,
  pageAmount: z.number().int().min(1).max(999).nullish(),
  description: text(500),
};

const warnings = {
  confirmDuplicate: z.boolean().optional(),
  overrideVerification: z.boolean().optional(),
};

export const incomingMetadata = z.strictObject({
  ...incomingFields,
  // The sender: its name is what the register shows (tác giả); the code only when it has one.
  organName: z.string().trim().min(1).max(200),
  documentIdentifier: text(120),
  ...warnings,
});

/** A multipart text field holding true or false. */
const formFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The text fields of an upload: `metadata` (JSON), and the two confirmations either as their own
 * fields (as documented) or inside `metadata`; a field of its own wins.
 */
export const uploadIncomingBody = z
  .object({
    metadata: jsonFormField(incomingMetadata, 'metadata'),
    confirmDuplicate: formFlag
      .optional()
      .meta({ description: 'true: vào sổ dù trùng văn bản đã có (sau cảnh báo ENTRY_DUPLICATE)' }),
    overrideVerification: formFlag
      .optional()
      .meta({ description: 'true: vào sổ dù chữ ký số không hợp lệ hoặc không kiểm tra được' }),
  })
  .transform(({ metadata: { confirmDuplicate, overrideVerification, ...metadata }, ...flags }) => ({
    metadata,
    confirmDuplicate: flags.confirmDuplicate ?? confirmDuplicate,
    overrideVerification: flags.overrideVerification ?? overrideVerification,
  }));

export const registerFromInboxBody = z.strictObject({
  version: z.number().int().positive(),
  ...z.object(incomingFields).partial().shape,
  ...warnings,
});

export const returnIncomingBody = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
});

export const progressNoteBody = z.strictObject({
  kind: z.enum(['progress', 'opinion']),
  body: z.string().trim().min(1).max(2000),
  version: z.number().int().positive().optional(),
});

export const closeIncomingBody = z.strictObject({
  version: z.number().int().positive(),
  replyEntryId: z.uuid().nullish(),
  note: z.string().trim().max(500).nullish(),
});

export const inboxQuery = z.object(pageQuery(INBOX_MAX_LIMIT, INBOX_DEFAULT_LIMIT));

/** The part of multer's file object used here (uploads stay in memory). */
interface MultipartFile {
  buffer: Buffer;
  size: number;
  originalname: string;
}

export interface IncomingUpload {
  file: IncomingFile;
  attachments: IncomingFile[];
}

/** A client-supplied name, without any path, at most 255 characters; a default when empty. */
function fileNameOf(f: MultipartFile, fallback: string): string {
  const base = (f.originalname ?? '').split(/[\\/]/).pop()!.trim();
  return (base || fallback).slice(0, 255);
}

/** `file` (the main PDF, required) and `attachments` (0..20) of the multipart upload. */
export class IncomingFilesPipe implements PipeTransform<
  Record<string, MultipartFile[] | undefined>,
  IncomingUpload
> {
  transform(files: Record<string, MultipartFile[] | undefined> | undefined): IncomingUpload {
    const main = files?.file?.[0];
    if (!main || !Buffer.isBuffer(main.buffer) || main.size === 0) throw RegistersErrors.fileRequired();
    const attachments = (files?.attachments ?? []).map((f, i) => ({
      fileName: fileNameOf(f, `dinh-kem-${i + 1}.pdf`),
      bytes: f.buffer,
    }));
    return { file: { fileName: fileNameOf(main, 'van-ban.pdf'), bytes: main.buffer }, attachments };
  }
}

export const INCOMING_FILE_FIELDS = [
  { name: 'file', maxCount: 1 },
  { name: 'attachments', maxCount: 20 },
];
