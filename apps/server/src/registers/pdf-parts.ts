import type { UploadedPdf } from '@vanthu/registers';

interface MulterFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** What FileFieldsInterceptor yields for `file` + `attachments`. */
export type PdfParts = Partial<Record<'file' | 'attachments', MulterFile[]>>;

/**
 * The uploaded PDFs with their names (read as UTF-8 by multer: `defParamCharset` of the module),
 * without any path the client put in them.
 */
export function pdfParts(parts: PdfParts | undefined): {
  file: UploadedPdf | undefined;
  attachments: UploadedPdf[];
} {
  const toPdf = (f: MulterFile): UploadedPdf => ({
    fileName: (f.originalname ?? '').split(/[\\/]/).pop()!.trim().slice(0, 255) || 'van-ban.pdf',
    bytes: f.buffer,
  });
  const main = parts?.file?.[0];
  return {
    file: main && main.size > 0 ? toPdf(main) : undefined,
    attachments: (parts?.attachments ?? []).map(toPdf),
  };
}
