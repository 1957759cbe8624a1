import type { PdfDocument } from '../document/pdf-document';
import { extractPageGlyphs } from './page-text-extractor';
import { pdfjsPageGlyphs } from './pdfjs-page-glyphs';
import { buildSegments, type TextSegment } from './text-lines';

/** Which text reader to use: ours with pdf.js as fallback (default), or only one of them. */
export type TextEngine = 'auto' | 'content' | 'pdfjs';

/**
 * Runs a finder over the text of a page. Our content-stream reader goes first; when it cannot read
 * the page or the finder finds nothing in its text, pdf.js gets a second look.
 */
export async function locateOnPage<T>(
  doc: PdfDocument,
  pageIndex: number,
  find: (segments: TextSegment[]) => T | undefined,
  engine: TextEngine = 'auto',
): Promise<T | undefined> {
  if (engine !== 'pdfjs') {
    const page = doc.page(pageIndex);
    if (page) {
      try {
        const found = find(buildSegments(extractPageGlyphs(doc.reader, page)));
        if (found !== undefined || engine === 'content') return found;
      } catch (error) {
        if (engine === 'content') throw error;
      }
    }
  }
  try {
    return find(buildSegments(await pdfjsPageGlyphs(doc.reader.buffer, pageIndex)));
  } catch {
    return undefined;
  }
}
