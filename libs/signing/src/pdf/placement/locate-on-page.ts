import type { PdfDocument } from '../document/pdf-document';
import type { PageContent } from './content-state';
import { extractPageContent } from './page-text-extractor';
import { pdfjsPageContent } from './pdfjs-page-content';
import { buildSegments, type TextSegment } from './text-lines';

/** Which text reader to use: ours with pdf.js as fallback (default), or only one of them. */
export type TextEngine = 'auto' | 'content' | 'pdfjs';

/**
 * Runs a finder over the text lines (and the raw content) of a page. Our content-stream reader goes
 * first; when it cannot read the page or the finder finds nothing in its text, pdf.js gets a second
 * look.
 */
export async function locateOnPage<T>(
  doc: PdfDocument,
  pageIndex: number,
  find: (segments: TextSegment[], content: PageContent) => T | undefined,
  engine: TextEngine = 'auto',
): Promise<T | undefined> {
  const look = (content: PageContent): T | undefined => find(buildSegments(content.glyphs), content);
  if (engine !== 'pdfjs') {
    const page = doc.page(pageIndex);
    if (page) {
      try {
        const found = look(extractPageContent(doc.reader, page));
        if (found !== undefined || engine === 'content') return found;
      } catch (error) {
        if (engine === 'content') throw error;
      }
    }
  }
  try {
    return look(await pdfjsPageContent(doc.reader.buffer, pageIndex));
  } catch {
    return undefined;
  }
}

/**
 * The content of a page as our reader sees it, or as pdf.js does when ours cannot read it (or when
 * told); undefined when neither can.
 */
export async function readPageContent(
  doc: PdfDocument,
  pageIndex: number,
  engine: TextEngine = 'auto',
): Promise<PageContent | undefined> {
  const page = doc.page(pageIndex);
  if (engine !== 'pdfjs' && page) {
    try {
      return extractPageContent(doc.reader, page);
    } catch (error) {
      if (engine === 'content') throw error;
    }
  }
  return pdfjsPageContent(doc.reader.buffer, pageIndex).catch(() => undefined);
}
