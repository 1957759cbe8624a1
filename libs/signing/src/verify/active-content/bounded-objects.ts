import { PdfParser, PdfSyntaxError } from '../pdf-reader/pdf-parser';
import type { PdfFile } from '../pdf-reader/pdf-file';
import type { PdfRevision } from '../pdf-reader/pdf-revision';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from '../pdf-reader/pdf-values';
import { decodeStream } from '../pdf-reader/stream-decoder';

/** how far from the offset its cross-reference gives an object's header is looked for (as PdfFile does) */
const HEADER_WINDOW = 1024;

export interface PackedObject {
  readonly num: number;
  readonly value: PdfValue | undefined;
}

/**
 * Objects of a file read for a scan of ALL of them, each within bounds: an object is parsed no
 * further than the next object the cross-references list (or the next header, for one they do
 * not), and an object-stream member no further than the next member. However the file is built
 * (thousands of headers in front of one unterminated string, say), the scan then reads each byte a
 * bounded number of times, where the verifier's own reader, which parses the few objects it needs
 * to the end of whatever they hold, would read the file once per object. Each object is parsed
 * once; one that cannot be read is `undefined`.
 */
export class BoundedObjects {
  /** offsets where a listed object or a cross-reference section starts, ascending, ending with the file length */
  private readonly listedStarts: number[];
  private readonly values = new Map<number, PdfValue | undefined>();
  private readonly streams = new Map<number, PackedObject[] | undefined>();

  constructor(private readonly file: PdfFile) {
    const starts = new Set<number>([file.buf.length]);
    for (const revision of file.revisions) {
      starts.add(revision.xrefOffset);
      for (const e of revision.entries.values()) if (e.kind === 'offset') starts.add(e.offset);
    }
    this.listedStarts = [...starts].sort((a, b) => a - b);
  }

  /** the listed object at `offset` (its header within HEADER_WINDOW of it, as sloppy writers leave it) */
  listed(offset: number, num: number): PdfValue | undefined {
    if (this.values.has(offset)) return this.values.get(offset);
    let value: PdfValue | undefined;
    const at = this.headerNear(offset, num);
    if (at !== undefined) value = this.parse(at, nextAfter(this.listedStarts, at));
    this.values.set(offset, value);
    return value;
  }

  /** where the next listed object (or cross-reference section) after `at` starts */
  nextListedStart(at: number): number {
    return nextAfter(this.listedStarts, at);
  }

  /** an object at a header no cross-reference lists, read up to `end` (the next header) */
  unlisted(offset: number, end: number): PdfValue | undefined {
    if (!this.values.has(offset)) this.values.set(offset, this.parse(offset, end));
    return this.values.get(offset);
  }

  /** every member of the object stream stored at `offset`; undefined when the stream cannot be decoded */
  packed(offset: number, stream: PdfStream, revision: PdfRevision): PackedObject[] | undefined {
    if (this.streams.has(offset)) return this.streams.get(offset);
    let members: PackedObject[] | undefined;
    try {
      members = readObjectStream(stream, (v) => this.resolve(v, revision));
    } catch {
      members = undefined;
    }
    this.streams.set(offset, members);
    return members;
  }

  /** follows references through `revision`'s cross-reference; undefined for what cannot be read */
  resolve(value: PdfValue | undefined, revision: PdfRevision): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof PdfRef; hops++) {
      if (hops > 32) return undefined;
      const e = revision.entries.get(v.num);
      if (!e || e.kind === 'free') return null;
      if (e.kind === 'offset') v = this.listed(e.offset, v.num);
      else {
        const container = revision.entries.get(e.stream);
        const stream = container?.kind === 'offset' ? this.listed(container.offset, e.stream) : undefined;
        if (!(stream instanceof PdfStream) || container?.kind !== 'offset') return undefined;
        v = this.packed(container.offset, stream, revision)?.[e.index]?.value;
      }
    }
    return v;
  }

  private headerNear(offset: number, num: number): number | undefined {
    if (headerAt(this.file.buf, offset) === num) return offset;
    const buf = this.file.buf;
    const needle = Buffer.from(`${num} `, 'latin1');
    let best: number | undefined;
    const from = Math.max(0, offset - HEADER_WINDOW);
    const to = Math.min(buf.length, offset + HEADER_WINDOW);
    for (let at = buf.indexOf(needle, from); at >= 0 && at < to; at = buf.indexOf(needle, at + 1)) {
      if (at > 0 && buf[at - 1] >= 0x30 && buf[at - 1] <= 0x39) continue;
      if (
        headerAt(buf, at) === num &&
        (best === undefined || Math.abs(at - offset) < Math.abs(best - offset))
      )
        best = at;
    }
    return best;
  }

  private parse(offset: number, end: number): PdfValue | undefined {
    try {
      return parseObjectIn(this.file.buf.subarray(0, end), offset);
    } catch {
      return undefined;
    }
  }
}

/** the number of the "num gen obj" header at `offset`, if there is one */
function headerAt(buf: Buffer, offset: number): number | undefined {
  try {
    const p = new PdfParser(buf.subarray(0, Math.min(buf.length, offset + 64)), offset);
    const num = p.readInteger();
    p.readInteger();
    return p.acceptKeyword('obj') ? num : undefined;
  } catch {
    return undefined;
  }
}

/** "num gen obj value [stream … endstream]" at `offset` of `buf`, which ends where the object must */
function parseObjectIn(buf: Buffer, offset: number): PdfValue {
  const p = new PdfParser(buf, offset);
  p.readInteger();
  p.readInteger();
  if (!p.acceptKeyword('obj')) throw new PdfSyntaxError('no object header', offset);
  const value = p.parseValue();
  if (!(value instanceof PdfDict) || !p.acceptKeyword('stream')) return value;
  let start = p.pos;
  if (buf[start] === 13) start++;
  if (buf[start] === 10) start++;
  // a direct /Length that ends at "endstream"; otherwise the keyword (an indirect length is not followed)
  const length = value.get('Length');
  if (typeof length === 'number' && length >= 0 && start + length <= buf.length) {
    if (new PdfParser(buf, start + length).acceptKeyword('endstream'))
      return new PdfStream(value, buf.subarray(start, start + length));
  }
  const endAt = buf.indexOf('endstream', start, 'latin1');
  if (endAt < 0) throw new PdfSyntaxError('unterminated stream', start);
  let dataEnd = endAt;
  if (buf[dataEnd - 1] === 10) dataEnd--;
  if (buf[dataEnd - 1] === 13) dataEnd--;
  return new PdfStream(value, buf.subarray(start, Math.max(start, dataEnd)));
}

/** the members of an object stream, each read no further than the next one starts */
function readObjectStream(
  stream: PdfStream,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): PackedObject[] {
  const n = resolve(stream.dict.get('N'));
  const first = resolve(stream.dict.get('First'));
  if (typeof n !== 'number' || typeof first !== 'number')
    throw new PdfSyntaxError('bad object stream header', 0);
  const data = decodeStream(stream, resolve);
  const header = new PdfParser(data, 0, false);
  const members: { num: number; at: number }[] = [];
  for (let i = 0; i < n; i++) members.push({ num: header.readInteger(), at: first + header.readInteger() });
  const starts = [...new Set([...members.map((m) => m.at), data.length])].sort((a, b) => a - b);
  return members.map(({ num, at }) => {
    try {
      const bounded = data.subarray(0, nextAfter(starts, at));
      const value = new PdfParser(bounded, at, false).parseValue();
      return { num, value };
    } catch {
      return { num, value: undefined };
    }
  });
}

/** the first value of ascending `sorted` greater than `at` (the last value when none is) */
function nextAfter(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] > at) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo];
}
