import type { Box, PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import { clampInto } from './explicit-placement';

export const DEFAULT_SEAL_DIAMETER_MM = 36;
const POINTS_PER_MM = 72 / 25.4;

export function millimetresToPoints(mm: number): number {
  return mm * POINTS_PER_MM;
}

/** The page (by reference) holding a widget, searched from the last page, where signatures are. */
export function pageOfRef(doc: PdfDocument, refNum: number): PageInfo | undefined {
  for (let i = doc.pageCount - 1; i >= 0; i--) {
    const page = doc.page(i);
    if (page?.ref.num === refNum) return page;
  }
  return undefined;
}

/**
 * The personal signature already on the document: the visible widget of the most recent signed
 * signature field. The organisation's seal is placed relative to it.
 */
export function findPersonalSignature(doc: PdfDocument): { page: PageInfo; box: Box } | undefined {
  const widgets = doc.form.signatureWidgets.filter(
    (w) => w.signed && w.rect && w.pageRef && w.rect.x2 - w.rect.x1 > 1 && w.rect.y2 - w.rect.y1 > 1,
  );
  for (let i = widgets.length - 1; i >= 0; i--) {
    const page = pageOfRef(doc, widgets[i].pageRef!.num);
    if (page) return { page, box: widgets[i].rect! };
  }
  return undefined;
}

/**
 * The seal at its true size, its right edge one third into the signature image, vertically centred
 * on it: the seal covers the left third of the signature, as ND30 Phụ lục I describes.
 */
export function sealBox(signature: Box, page: PageInfo, width: number, height: number): Box {
  const right = signature.x1 + (signature.x2 - signature.x1) / 3;
  const cy = (signature.y1 + signature.y2) / 2;
  return clampInto({ x1: right - width, y1: cy - height / 2, x2: right, y2: cy + height / 2 }, page.cropBox);
}
