import { toBox, type Box, type PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import { userToDisplayed } from './explicit-placement';
import { locateOnPage, type TextEngine } from './locate-on-page';

/** Extent of a line of text around its baseline, in ems (capitals with Vietnamese marks reach ~1). */
const ASCENT = 1.0;
const DESCENT = 0.3;
/** Annotation flags Hidden (2) and NoView (32): not shown on the page. */
const NOT_SHOWN = 2 | 32;

const area = (box: Box): number => (box.x2 - box.x1) * (box.y2 - box.y1);

/**
 * What a page shows, as boxes on the page as displayed (y up): its lines of text, the paths and
 * images it paints, and the annotations on it (the number and date widgets of an issued document,
 * an arrival stamp). Boxes over half the page (a page background or frame) are left out. Empty when
 * neither text reader can read the page.
 */
export async function pageInkBoxes(doc: PdfDocument, page: PageInfo, engine?: TextEngine): Promise<Box[]> {
  const read = await locateOnPage(doc, page.index, (segments, content) => ({ segments, content }), engine);
  const pageArea = area(page.cropBox);
  const boxes: Box[] = [];
  for (const s of read?.segments ?? [])
    boxes.push({ x1: s.x1, y1: s.y - s.size * DESCENT, x2: s.x2, y2: s.y + s.size * ASCENT });
  for (const box of read?.content.graphics ?? []) if (area(box) < pageArea / 2) boxes.push(box);
  const { reader } = doc;
  for (const ref of reader.array(page.dict.get('Annots')) ?? []) {
    const annotation = reader.dict(ref);
    const rect = toBox(reader, annotation?.get('Rect'));
    const flags = reader.number(annotation?.get('F')) ?? 0;
    if (rect && area(rect) > 0 && (flags & NOT_SHOWN) === 0 && area(rect) < pageArea / 2) boxes.push(rect);
  }
  return boxes.map((box) => userToDisplayed(page, box));
}
