import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import { pdfWorker, workerUrl } from './pdf-worker';

// The worker already started when the app booted on a document's address (route preload).
GlobalWorkerOptions.workerSrc = workerUrl;
GlobalWorkerOptions.workerPort = pdfWorker();

export type { PDFDocumentProxy };

/** Opens PDF bytes with pdf.js, without eval (the CSP forbids it). */
export function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller keeps the bytes.
  return getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false }).promise;
}

/** A rectangle in PDF user space (points, origin bottom-left), as the signing API takes it. */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each signature field's widget is: page (1-based) and rectangle, by field name. */
export async function signatureWidgets(
  pdf: PDFDocumentProxy,
): Promise<Map<string, { page: number; rect: PdfRect }>> {
  const found = new Map<string, { page: number; rect: PdfRect }>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    for (const a of (await page.getAnnotations()) as {
      fieldName?: string;
      rect?: number[];
      subtype?: string;
    }[]) {
      if (a.subtype !== 'Widget' || !a.fieldName || !a.rect) continue;
      const [x1, y1, x2, y2] = a.rect;
      found.set(a.fieldName, { page: n, rect: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } });
    }
  }
  return found;
}
