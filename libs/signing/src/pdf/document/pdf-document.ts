import { pdfSigningError } from '../../pdf-signing.errors';
import type { PdfDict } from '../io/pdf-objects';
import { PdfReader, malformed } from '../io/pdf-reader';
import { docMdpPermission, summarizeForm, type FormSummary } from './form-fields';
import { findPage, pageCount, type PageInfo } from './page-tree';

/** The few parts of a document that signing reads, loaded once per signature. */
export interface PdfDocument {
  readonly reader: PdfReader;
  readonly catalog: PdfDict;
  readonly acroForm: PdfDict | undefined;
  readonly form: FormSummary;
  readonly pageCount: number;
  page(index: number): PageInfo | undefined;
}

/**
 * Opens the input for signing: PDF_NOT_PDF, PDF_MALFORMED, PDF_ENCRYPTED, and
 * PDF_CERTIFIED_NO_CHANGES for a document certified with DocMDP P=1.
 */
export function openPdfDocument(input: Buffer): PdfDocument {
  const reader = PdfReader.open(input);
  try {
    const catalog = reader.dict(reader.rootRef);
    if (!catalog) throw pdfSigningError('PDF_MALFORMED', { reason: 'catalog missing' });
    if (docMdpPermission(reader, catalog) === 1) throw pdfSigningError('PDF_CERTIFIED_NO_CHANGES');
    const acroForm = reader.dict(catalog.get('AcroForm'));
    const form = summarizeForm(reader, acroForm);
    const count = pageCount(reader);
    if (count < 1) throw pdfSigningError('PDF_MALFORMED', { reason: 'no pages' });
    const pages = new Map<number, PageInfo | undefined>();
    return {
      reader,
      catalog,
      acroForm,
      form,
      pageCount: count,
      page(index: number) {
        if (!pages.has(index)) pages.set(index, findPage(reader, index));
        return pages.get(index);
      },
    };
  } catch (error) {
    throw malformed(error);
  }
}
