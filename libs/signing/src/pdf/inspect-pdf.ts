import { pdfSigningError } from '../pdf-signing.errors';
import { malformed, PdfReader } from './io/pdf-reader';

export interface PdfInspection {
  /** /Count of the page tree. */
  readonly pageCount: number;
}

/**
 * Checks that bytes are a PDF this system can sign and verify, before they are stored: throws
 * PDF_NOT_PDF, PDF_MALFORMED or PDF_ENCRYPTED, so a bad upload is refused at the door instead of
 * failing later at signing.
 */
export function inspectPdf(buffer: Buffer): PdfInspection {
  const reader = PdfReader.open(buffer);
  try {
    const catalog = reader.dict(reader.get(reader.rootRef));
    const pages = reader.dict(catalog?.get('Pages'));
    const pageCount = reader.number(pages?.get('Count'));
    if (pageCount === undefined || !Number.isInteger(pageCount) || pageCount < 1)
      throw pdfSigningError('PDF_MALFORMED', { reason: 'no page tree' });
    return { pageCount };
  } catch (error) {
    throw malformed(error);
  }
}
