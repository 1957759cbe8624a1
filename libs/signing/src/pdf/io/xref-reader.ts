import { PdfDict, PdfStream, isName, type PdfValue } from './pdf-objects';
import { PdfParser } from './pdf-parser';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { decodeStreamData } from './stream-filters';

export type XrefEntry =
  | { readonly type: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly type: 'compressed'; readonly stream: number; readonly index: number }
  | { readonly type: 'free' };

/**
 * How the newest cross-reference section is written: a classic table, a stream (PDF 1.5), or a table
 * whose trailer points at an additional stream (/XRefStm, "hybrid", as Word writes).
 */
export type XrefForm = 'table' | 'stream' | 'hybrid';

export interface XrefIndex {
  readonly entries: Map<number, XrefEntry>;
  /** The newest trailer (for stream sections: the xref stream's dictionary), with /Root, /Info, /ID
   * and /Encrypt taken from older trailers when the newest lacks them. */
  readonly trailer: PdfDict;
  readonly form: XrefForm;
  /** Offset of the newest section: the /Prev of the section we append. */
  readonly startxref: number;
}

const TAIL_WINDOW = 4096;
const INHERITED_TRAILER_KEYS = ['Root', 'Info', 'ID', 'Encrypt'];

export function findStartxref(buf: Buffer): number {
  const from = Math.max(0, buf.length - TAIL_WINDOW);
  const found = buf.subarray(from).lastIndexOf('startxref', undefined, 'latin1');
  if (found < 0) throw new PdfSyntaxError('no startxref near the end of the file (truncated?)', buf.length);
  const at = from + found;
  const parser = new PdfParser(buf, at + 9);
  const value = Number(parser.readRegular());
  if (!Number.isInteger(value) || value <= 0 || value >= buf.length) {
    throw new PdfSyntaxError('bad startxref offset', at);
  }
  // Only blanks and comments (%%EOF) may follow: anything else is an update cut off in the middle,
  // and signing after it would seal a broken file.
  if (!parser.atEnd())
    throw new PdfSyntaxError('data after the last startxref (truncated update?)', parser.pos);
  return value;
}

function readTableSection(parser: PdfParser, entries: Map<number, XrefEntry>): PdfDict {
  parser.expectKeyword('xref');
  for (;;) {
    const save = parser.pos;
    const word = parser.readRegular();
    if (word === 'trailer') break;
    if (!/^\d+$/.test(word)) throw new PdfSyntaxError('bad xref subsection header', save);
    const first = Number(word);
    const count = Number(parser.readRegular());
    if (!Number.isInteger(count)) throw new PdfSyntaxError('bad xref subsection count', parser.pos);
    for (let i = 0; i < count; i++) {
      const offset = Number(parser.readRegular());
      const gen = Number(parser.readRegular());
      const kind = parser.readRegular();
      if (!Number.isInteger(offset) || !Number.isInteger(gen) || (kind !== 'n' && kind !== 'f')) {
        throw new PdfSyntaxError('bad xref entry', parser.pos);
      }
      const num = first + i;
      if (entries.has(num)) continue;
      entries.set(num, kind === 'n' ? { type: 'offset', offset, gen } : { type: 'free' });
    }
  }
  const trailer = parser.parseValue();
  if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('trailer is not a dictionary', parser.pos);
  return trailer;
}

function readStreamSection(buf: Buffer, offset: number, entries: Map<number, XrefEntry>): PdfDict {
  const parser = new PdfParser(buf, offset);
  if (!parser.readObjectHeader()) throw new PdfSyntaxError('no cross-reference section here', offset);
  const dictionary = parser.parseValue();
  if (!(dictionary instanceof PdfDict) || !isName(dictionary.get('Type'), 'XRef')) {
    throw new PdfSyntaxError('object is not a cross-reference stream', offset);
  }
  const stream = parser.parseStreamAfter(dictionary, () => undefined);
  if (!stream) throw new PdfSyntaxError('cross-reference stream without data', offset);
  readStreamEntries(stream, entries);
  return dictionary;
}

function readStreamEntries(stream: PdfStream, entries: Map<number, XrefEntry>): void {
  const data = decodeStreamData(stream.dict, stream.raw, (v) => v);
  const widths = stream.dict.get('W');
  if (!Array.isArray(widths) || widths.length < 3 || widths.some((w) => typeof w !== 'number')) {
    throw new PdfSyntaxError('bad /W in cross-reference stream', 0);
  }
  const [w0, w1, w2] = widths as number[];
  const rowLength = w0 + w1 + w2;
  const size = Number(stream.dict.get('Size') ?? 0);
  const indexValue = stream.dict.get('Index');
  const index = Array.isArray(indexValue) ? (indexValue as number[]) : [0, size];
  const field = (pos: number, width: number, fallback: number): number => {
    if (width === 0) return fallback;
    let v = 0;
    for (let k = 0; k < width; k++) v = v * 256 + data[pos + k];
    return v;
  };
  let pos = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    const first = index[s];
    const count = index[s + 1];
    for (let i = 0; i < count && pos + rowLength <= data.length; i++, pos += rowLength) {
      const num = first + i;
      if (entries.has(num)) continue;
      const type = field(pos, w0, 1);
      const f1 = field(pos + w0, w1, 0);
      const f2 = field(pos + w0 + w1, w2, 0);
      if (type === 1) entries.set(num, { type: 'offset', offset: f1, gen: f2 });
      else if (type === 2) entries.set(num, { type: 'compressed', stream: f1, index: f2 });
      else if (type === 0) entries.set(num, { type: 'free' });
    }
  }
}

function isTableAt(buf: Buffer, offset: number): boolean {
  const parser = new PdfParser(buf, offset);
  parser.skipWhitespace();
  return buf.toString('latin1', parser.pos, parser.pos + 4) === 'xref';
}

/**
 * Reads every cross-reference section from the newest back along /Prev (and /XRefStm for hybrid
 * files). Newer entries win. Only the index is built here; no object is parsed.
 */
export function readXref(buf: Buffer): XrefIndex {
  const startxref = findStartxref(buf);
  const entries = new Map<number, XrefEntry>();
  let trailer: PdfDict | undefined;
  let form: XrefForm = 'table';
  const seen = new Set<number>();
  let offset: number | undefined = startxref;
  while (offset !== undefined) {
    if (seen.has(offset)) break;
    seen.add(offset);
    let sectionTrailer: PdfDict;
    if (isTableAt(buf, offset)) {
      const parser = new PdfParser(buf, offset);
      sectionTrailer = readTableSection(parser, entries);
      const xrefStm: PdfValue | undefined = sectionTrailer.get('XRefStm');
      if (typeof xrefStm === 'number') {
        readStreamSection(buf, xrefStm, entries);
        if (!trailer) form = 'hybrid';
      } else if (!trailer) form = 'table';
    } else {
      sectionTrailer = readStreamSection(buf, offset, entries);
      if (!trailer) form = 'stream';
    }
    if (!trailer) trailer = sectionTrailer.clone();
    else {
      // An update whose trailer forgot a key inherits it from the older sections, as readers do.
      for (const key of INHERITED_TRAILER_KEYS) {
        const value = sectionTrailer.get(key);
        if (!trailer.has(key) && value !== undefined) trailer.set(key, value);
      }
    }
    const prev: PdfValue | undefined = sectionTrailer.get('Prev');
    offset = typeof prev === 'number' && prev > 0 && prev < buf.length ? prev : undefined;
  }
  if (!trailer) throw new PdfSyntaxError('no trailer', startxref);
  return { entries, trailer, form, startxref };
}
