import { PdfDict, PdfRef, isName, type PdfValue } from '../io/pdf-objects';
import type { PdfReader } from '../io/pdf-reader';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';

/** A rectangle in PDF user space: lower-left x/y, upper-right x/y (normalised). */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PageInfo {
  readonly ref: PdfRef;
  readonly dict: PdfDict;
  /** 0-based page index. */
  readonly index: number;
  readonly mediaBox: Box;
  /** The visible area (CropBox, clipped to the MediaBox; the MediaBox when absent). */
  readonly cropBox: Box;
  readonly rotate: number;
  readonly resources: PdfDict | undefined;
}

const INHERITABLE = ['MediaBox', 'CropBox', 'Rotate', 'Resources'] as const;
type Inherited = Partial<Record<(typeof INHERITABLE)[number], PdfValue>>;

export function toBox(reader: PdfReader, value: PdfValue | undefined): Box | undefined {
  const array = reader.array(value);
  if (!array || array.length < 4) return undefined;
  const [a, b, c, d] = array.slice(0, 4).map((v) => reader.number(v));
  if ([a, b, c, d].some((v) => v === undefined)) return undefined;
  return { x1: Math.min(a!, c!), y1: Math.min(b!, d!), x2: Math.max(a!, c!), y2: Math.max(b!, d!) };
}

function intersect(a: Box, b: Box): Box {
  const box = {
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
    x2: Math.min(a.x2, b.x2),
    y2: Math.min(a.y2, b.y2),
  };
  return box.x2 > box.x1 && box.y2 > box.y1 ? box : a;
}

function pagesRoot(reader: PdfReader): PdfDict {
  const catalog = reader.dict(reader.rootRef);
  const pages = catalog && reader.dict(catalog.get('Pages'));
  if (!catalog || !pages) throw new PdfSyntaxError('catalog without a page tree', 0);
  return pages;
}

export function pageCount(reader: PdfReader): number {
  const count = reader.number(pagesRoot(reader).get('Count'));
  if (count !== undefined && count > 0) return count;
  return countByWalking(reader);
}

function countByWalking(reader: PdfReader): number {
  let n = 0;
  walk(reader, () => {
    n++;
    return false;
  });
  return n;
}

/** Depth-first walk over page leaves; `visit` returns true to stop. Uses /Count to skip subtrees. */
function walk(
  reader: PdfReader,
  visit: (ref: PdfRef, dict: PdfDict, inherited: Inherited, index: number) => boolean,
  target?: number,
): void {
  const seen = new Set<number>();
  let index = 0;
  const visitNode = (nodeValue: PdfValue, inherited: Inherited, depth: number): boolean => {
    if (depth > 64) throw new PdfSyntaxError('page tree too deep', 0);
    if (!(nodeValue instanceof PdfRef) || seen.has(nodeValue.num)) return false;
    seen.add(nodeValue.num);
    const node = reader.dict(nodeValue);
    if (!node) return false;
    const kidsValue = reader.array(node.get('Kids'));
    const isLeaf = isName(node.get('Type'), 'Page') || (!kidsValue && !isName(node.get('Type'), 'Pages'));
    const own: Inherited = { ...inherited };
    for (const key of INHERITABLE) if (node.has(key)) own[key] = node.get(key);
    if (isLeaf) return visit(nodeValue, node, own, index++);
    const count = reader.number(node.get('Count'));
    if (target !== undefined && count !== undefined && count > 0 && index + count <= target) {
      index += count;
      return false;
    }
    for (const kid of kidsValue ?? []) if (visitNode(kid, own, depth + 1)) return true;
    return false;
  };
  const catalog = reader.dict(reader.rootRef);
  visitNode(catalog?.get('Pages') ?? null, {}, 0);
}

/** The page at a 0-based index with its inherited attributes, or undefined when there is none. */
export function findPage(reader: PdfReader, pageIndex: number): PageInfo | undefined {
  let found: PageInfo | undefined;
  const collect = (ref: PdfRef, dict: PdfDict, inherited: Inherited, index: number): boolean => {
    if (index !== pageIndex) return false;
    const mediaBox = toBox(reader, inherited.MediaBox) ?? { x1: 0, y1: 0, x2: 612, y2: 792 };
    const crop = toBox(reader, inherited.CropBox);
    const rotate = (((reader.number(inherited.Rotate) ?? 0) % 360) + 360) % 360;
    found = {
      ref,
      dict,
      index,
      mediaBox,
      cropBox: crop ? intersect(crop, mediaBox) : mediaBox,
      rotate,
      resources: reader.dict(inherited.Resources),
    };
    return true;
  };
  walk(reader, collect, pageIndex);
  // A wrong /Count can mislead the skip; walk again without skipping before giving up.
  if (!found) walk(reader, collect);
  return found;
}
