import { PdfRevision } from '../pdf-reader/pdf-revision';
import { decodeStream } from '../pdf-reader/stream-decoder';
import { isArray, isDict, PdfDict, PdfStream, PdfValue } from '../pdf-reader/pdf-values';
import { contentPaints } from './content-paints';

/** annotation flags (ISO 32000-1 table 165) */
const HIDDEN = 2;
const PRINT = 4;
const NO_VIEW = 32;
const TOGGLE_NO_VIEW = 256;
/** an appearance dictionary with more states than this is not one a signer wrote: count it as painting */
const MAX_STREAMS = 32;
/** an appearance stream that decodes to more than this is not an empty one */
const MAX_APPEARANCE_BYTES = 4 * 1024 * 1024;
/** /MK entries from which viewers draw a widget that has no appearance stream: colours, captions, icons */
const MK_PAINTING_KEYS = ['BG', 'BC', 'CA', 'RC', 'AC', 'I', 'RI', 'IX'];

/**
 * Whether an annotation can put anything on the screen or on paper. It answers false only when that
 * is certain in every viewer:
 * - its flags hide it (Hidden; or NoView without Print and without ToggleNoView, which shows it on
 *   hover);
 * - or none of its appearance streams paints (every state of /N, and /R and /D too, which viewers
 *   show on hover and click) and, without any appearance stream, its /MK gives no colour, caption or
 *   icon to draw one from;
 * - or its /Rect has no area and every painting appearance has a box of some area once its /Matrix
 *   is applied: viewers scale that box into the /Rect, so it shrinks to nothing. A box without area
 *   is drawn unscaled at the corner of the /Rect by some viewers (pdf.js), so it does not count.
 * Any size above zero is visible: a 1×1 /Rect is still a mark on the page.
 */
export function annotationPaints(rev: PdfRevision, annot: PdfDict): boolean {
  const flags = numberOf(rev.resolve(annot.get('F')));
  if (flags & HIDDEN) return false;
  if (flags & NO_VIEW && !(flags & PRINT) && !(flags & TOGGLE_NO_VIEW)) return false;
  const zeroRect = rectArea(rev, annot.get('Rect')) === 0;
  const streams = appearanceStreams(rev, annot.get('AP'));
  if (streams === 'too-many') return true;
  if (streams.length === 0) return !zeroRect && mkPaints(rev, annot.get('MK'));
  const painting = streams.filter((s) => streamPaints(rev, s));
  if (painting.length === 0) return false;
  return !zeroRect || painting.some((s) => !boxHasArea(rev, s));
}

function numberOf(v: PdfValue | undefined): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function numbers(rev: PdfRevision, v: PdfValue | undefined, count: number): number[] | undefined {
  const list = rev.resolve(v);
  if (!isArray(list) || list.length !== count) return undefined;
  const out = list.map((x) => rev.resolve(x));
  return out.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (out as number[]) : undefined;
}

/** 0 for a missing or malformed /Rect, as viewers that draw it at all read it as [0 0 0 0] */
function rectArea(rev: PdfRevision, v: PdfValue | undefined): number {
  const r = numbers(rev, v, 4);
  return r ? Math.abs((r[2] - r[0]) * (r[3] - r[1])) : 0;
}

function appearanceStreams(rev: PdfRevision, ap: PdfValue | undefined): PdfStream[] | 'too-many' {
  const dict = rev.dict(ap);
  const out: PdfStream[] = [];
  if (!dict) return out;
  for (const key of ['N', 'R', 'D']) {
    const v = rev.resolve(dict.get(key));
    if (v instanceof PdfStream) out.push(v);
    else if (isDict(v))
      for (const state of v.entries.values()) {
        const s = rev.resolve(state);
        if (s instanceof PdfStream) out.push(s);
      }
    if (out.length > MAX_STREAMS) return 'too-many';
  }
  return out;
}

function streamPaints(rev: PdfRevision, s: PdfStream): boolean {
  let data: Buffer;
  try {
    data = decodeStream(s, (v) => rev.resolve(v), MAX_APPEARANCE_BYTES);
  } catch {
    return true; // a filter we do not read, or too large: assume the worst
  }
  return contentPaints(data);
}

/** the /BBox of a form XObject, transformed by its /Matrix, has an area (a missing or malformed one has none) */
function boxHasArea(rev: PdfRevision, s: PdfStream): boolean {
  const box = numbers(rev, s.dict.get('BBox'), 4);
  if (!box) return false;
  const [a, b, c, d, e, f] = numbers(rev, s.dict.get('Matrix'), 6) ?? [1, 0, 0, 1, 0, 0];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box[0], box[1]],
    [box[0], box[3]],
    [box[2], box[1]],
    [box[2], box[3]],
  ]) {
    xs.push(a * x + c * y + e);
    ys.push(b * x + d * y + f);
  }
  return Math.max(...xs) > Math.min(...xs) && Math.max(...ys) > Math.min(...ys);
}

function mkPaints(rev: PdfRevision, mk: PdfValue | undefined): boolean {
  const dict = rev.dict(mk);
  if (!dict) return false;
  return MK_PAINTING_KEYS.some((k) => {
    const v = rev.resolve(dict.get(k));
    if (v === undefined || v === null) return false;
    return !isArray(v) || v.length > 0;
  });
}
