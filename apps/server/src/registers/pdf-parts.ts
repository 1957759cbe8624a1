import type { UploadedPdf } from '@vanthu/registers';

interface MulterFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** What FileFieldsInterceptor yields for `file` + `attachments`. */
export type PdfParts = Partial<Record<'file' | 'attachments', MulterFile[]>>;

/**
 * The uploaded PDFs with their names. Multer decodes the filename as latin1; browsers send UTF-8,
 * so it is re-read as UTF-8 to keep Vietnamese names ("Quyết định.pdf") intact.
 */
export function pdfParts(parts: PdfParts | undefined): {
  file: UploadedPdf | undefined;
  attachments: UploadedPdf[];
} {
  const toPdf = (f: MulterFile): UploadedPdf => ({
    fileName: Buffer.from(f.originalname, 'latin1').toString('utf8').slice(0, 255) || 'van-ban.pdf',
    bytes: f.buffer,
  });
  const main = parts?.file?.[0];
  return {
    file: main && main.size > 0 ? toPdf(main) : undefined,
    attachments: (parts?.attachments ?? []).map(toPdf),
  };
}
