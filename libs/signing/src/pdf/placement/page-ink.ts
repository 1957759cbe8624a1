import { toBox, type Box, type PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import { displayedToUser, userToDisplayed } from './explicit-placement';
import { readPageContent, type TextEngine } from './locate-on-page';
import { buildSegments } from './text-lines';

/** Extent of a line of text around its baseline, in ems (capitals with Vietnamese marks reach ~1). */
const ASCENT = 1.0;
const DESCENT = 0.3;
/** Annotation flags Hidden (2) and NoView (32): not shown on the page. */
const NOT_SHOWN = 2 | 32;

const area = (box: Box): number => (box.x2 - box.x1) * (box.y2 - box.y1);
const touches = (a: Box, b: Box): boolean => a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;

/**
 * What a page shows inside `within` (a box on the page as displayed), as boxes on the page as
 * displayed (y up): its lines of text, the paths and images it paints, and the annotations on it
 * (the number and date widgets of an issued document, an arrival stamp). Boxes over half the page (a
 * page background or frame) are left out. No text or graphics when neither reader can read the page.
 */
export async function pageInkBoxes(
  doc: PdfDocument,
  page: PageInfo,
  within: Box,
  engine?: TextEngine,
): Promise<Box[]> {
  const content = await readPageContent(doc, page.index, engine);
  const pageArea = area(page.cropBox);
  const region = displayedToUser(page, within);
  const boxes: Box[] = [];
  // Only the glyphs near the region make lines: the rest of the page is not looked at.
  const glyphs = (content?.glyphs ?? []).filter((g) =>
    touches(region, { x1: g.x, y1: g.y - g.size, x2: g.x + g.advance, y2: g.y + g.size }),
  );
  for (const s of buildSegments(glyphs))
    boxes.push({ x1: s.x1, y1: s.y - s.size * DESCENT, x2: s.x2, y2: s.y + s.size * ASCENT });
  for (const box of content?.graphics ?? []) if (area(box) < pageArea / 2) boxes.push(box);
  const { reader } = doc;
  for (const ref of reader.array(page.dict.get('Annots')) ?? []) {
    const annotation = reader.dict(ref);
    const rect = toBox(reader, annotation?.get('Rect'));
    const flags = reader.number(annotation?.get('F')) ?? 0;
    if (rect && area(rect) > 0 && (flags & NOT_SHOWN) === 0 && area(rect) < pageArea / 2) boxes.push(rect);
  }
  return boxes.filter((box) => touches(region, box)).map((box) => userToDisplayed(page, box));
}
