import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { PdfParser } from './pdf-parser';
import { isArray, PdfDict, PdfStream, PdfValue } from './pdf-values';

export type XrefEntry =
  | { readonly kind: 'free' }
  | { readonly kind: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

/** One cross-reference section: a classic table with its trailer, or a cross-reference stream. */
export interface XrefSection {
  readonly offset: number;
  readonly entries: Map<number, XrefEntry>;
  readonly trailer: PdfDict;
  readonly prev?: number;
  /** hybrid files: the cross-reference stream that supplements a classic table */
  readonly xrefStm?: number;
  readonly isStream: boolean;
}

const FREE: XrefEntry = { kind: 'free' };

/** Reads the classic table starting with the keyword "xref" at `parser.pos`. */
export function readXrefTable(buf: Buffer, offset: number): XrefSection {
  const p = new PdfParser(buf, offset);
  if (!p.acceptKeyword('xref')) throw new PdfSyntaxError('no cross-reference table', offset);
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    if (p.acceptKeyword('trailer')) break;
    const first = p.readInteger();
    const count = p.readInteger();
    for (let i = 0; i < count; i++) {
      const off = p.readInteger();
      const gen = p.readInteger();
      const type = p.readToken();
      const num = first + i;
      if (type === 'n') {
        if (off > 0 && !entries.has(num)) entries.set(num, { kind: 'offset', offset: off, gen });
        else if (!entries.has(num)) entries.set(num, FREE);
      } else if (type === 'f') {
        if (!entries.has(num)) entries.set(num, FREE);
      } else throw new PdfSyntaxError(`bad cross-reference entry type "${type}"`, p.pos);
    }
  }
  p.skipWhitespace();
  if (buf[p.pos] !== 0x3c) throw new PdfSyntaxError('trailer is not a dictionary', p.pos);
  const trailer = p.parseDict();
  return {
    offset,
    entries,
    trailer,
    prev: intOrUndefined(trailer.get('Prev')),
    xrefStm: intOrUndefined(trailer.get('XRefStm')),
    isStream: false,
  };
}

/** Reads a cross-reference stream already parsed as an indirect object, given its decoded data. */
export function readXrefStream(offset: number, stream: PdfStream, data: Buffer): XrefSection {
  const d = stream.dict;
  if (d.name('Type') !== 'XRef') throw new PdfSyntaxError('object is not a cross-reference stream', offset);
  const w = d.get('W');
  if (!isArray(w) || w.length < 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8))
    throw new PdfSyntaxError('bad /W in cross-reference stream', offset);
  const [w1, w2, w3] = w as number[];
  const size = intOrUndefined(d.get('Size')) ?? 0;
  const index = d.get('Index');
  const ranges: number[] = isArray(index)
    ? (index.filter((x) => typeof x === 'number') as number[])
    : [0, size];
  const rowLength = w1 + w2 + w3;
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    for (let i = 0; i < ranges[r + 1]; i++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw new PdfSyntaxError('cross-reference stream too short', offset);
      const type = w1 === 0 ? 1 : field(data, at, w1);
      const f2 = field(data, at + w1, w2);
      const f3 = field(data, at + w1 + w2, w3);
      const num = ranges[r] + i;
      if (entries.has(num)) continue;
      if (type === 1) entries.set(num, f2 > 0 ? { kind: 'offset', offset: f2, gen: f3 } : FREE);
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: f2, index: f3 });
      else if (type === 0) entries.set(num, FREE);
      // other types are reserved and mean "null object": leave them out
    }
  }
  return { offset, entries, trailer: d, prev: intOrUndefined(d.get('Prev')), isStream: true };
}

function field(data: Buffer, at: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + data[at + i];
  return v;
}

function intOrUndefined(v: PdfValue | undefined): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}
