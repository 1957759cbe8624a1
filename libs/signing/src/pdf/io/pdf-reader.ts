import { isAppException } from '@vanthu/shared';
import { pdfSigningError } from '../../pdf-signing.errors';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from './pdf-objects';
import { PdfParser } from './pdf-parser';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { decodeStreamData } from './stream-filters';
import { readXref, type XrefForm, type XrefIndex } from './xref-reader';

interface ObjectStreamIndex {
  readonly data: Buffer;
  readonly offsets: Map<number, number>;
}

const HEADER_WINDOW = 1024;

/**
 * A lazy PDF reader: it reads the cross-reference index and parses only the objects asked for.
 *
 * Why not pdf-lib (`@cantoo/pdf-lib` with `forIncrementalUpdate`): it parses and keeps every object
 * of the document, 5–10× the file size in memory and most of the time spent on a 50 MB scan, while
 * signing touches about ten objects (catalog, AcroForm, fields, one or two pages and their /Annots).
 * Reading only those keeps peak memory near input + output and makes signing cost independent of the
 * number of pages. The buffer is never copied: streams are views into it.
 *
 * Not the verifier's reader (`verify/pdf-reader/pdf-file.ts` says why at length): this one reads
 * only the latest revision, into values the incremental writer may edit, and repairs what viewers
 * repair; the verifier's reads every revision into fixed values with byte positions, strictly. What
 * both need below that (syntax error, byte classes, stream filters and their 256 MB output limit,
 * page-marking operators) is one code in `src/pdf-syntax`.
 */
export class PdfReader {
  private readonly cache = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, ObjectStreamIndex>();
  private readonly loading = new Set<number>();

  private constructor(
    readonly buffer: Buffer,
    private readonly xref: XrefIndex,
  ) {}

  /** Opens a PDF; throws PDF_NOT_PDF, PDF_MALFORMED or PDF_ENCRYPTED. */
  static open(buffer: Buffer): PdfReader {
    const headerAt = buffer.subarray(0, HEADER_WINDOW).indexOf('%PDF-', 0, 'latin1');
    if (headerAt < 0) throw pdfSigningError('PDF_NOT_PDF');
    let xref: XrefIndex;
    try {
      xref = readXref(buffer);
    } catch (error) {
      throw malformed(error);
    }
    const reader = new PdfReader(buffer, xref);
    if (xref.trailer.get('Encrypt') !== undefined) throw pdfSigningError('PDF_ENCRYPTED');
    if (!(xref.trailer.get('Root') instanceof PdfRef))
      throw pdfSigningError('PDF_MALFORMED', { reason: 'no /Root' });
    return reader;
  }

  get trailer(): PdfDict {
    return this.xref.trailer;
  }

  get xrefForm(): XrefForm {
    return this.xref.form;
  }

  get startxref(): number {
    return this.xref.startxref;
  }

  /** The next free object number: at least the trailer's /Size, above every number in use. */
  get size(): number {
    let size = Number(this.xref.trailer.get('Size') ?? 0);
    for (const num of this.xref.entries.keys()) if (num >= size) size = num + 1;
    return size;
  }

  get rootRef(): PdfRef {
    return this.xref.trailer.get('Root') as PdfRef;
  }

  /** The object a reference points to (null for free or missing objects, as the spec says). */
  get(ref: PdfRef | number): PdfValue {
    const num = typeof ref === 'number' ? ref : ref.num;
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.loading.has(num)) throw new PdfSyntaxError(`object ${num} refers to itself`, 0);
    this.loading.add(num);
    try {
      const value = this.load(num);
      this.cache.set(num, value);
      return value;
    } finally {
      this.loading.delete(num);
    }
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.get(value) : value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (resolved instanceof PdfDict) return resolved;
    if (resolved instanceof PdfStream) return resolved.dict;
    return undefined;
  }

  array(value: PdfValue | undefined): PdfValue[] | undefined {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : undefined;
  }

  number(value: PdfValue | undefined): number | undefined {
    const resolved = this.resolve(value);
    return typeof resolved === 'number' ? resolved : undefined;
  }

  /** A stream's decoded data (throws StreamDecodeError for filters we do not implement or data that does not decode). */
  streamData(stream: PdfStream): Buffer {
    return decodeStreamData(stream.dict, stream.raw, (v) => this.resolve(v));
  }

  private load(num: number): PdfValue {
    const entry = this.xref.entries.get(num);
    if (!entry || entry.type === 'free') return null;
    if (entry.type === 'compressed') return this.loadCompressed(num, entry.stream, entry.index);
    let parser = new PdfParser(this.buffer, entry.offset);
    const header = parser.readObjectHeader();
    if (!header || header[0] !== num) {
      // Producers sometimes get offsets wrong by a few bytes; find the object header instead.
      const found = this.findObjectHeader(num, entry.gen);
      if (found < 0) throw new PdfSyntaxError(`object ${num} not found at its offset`, entry.offset);
      parser = new PdfParser(this.buffer, found);
      parser.readObjectHeader();
    }
    const value = parser.parseValue();
    if (value instanceof PdfDict) {
      const stream = parser.parseStreamAfter(value, (ref) => {
        const length = ref.num === num ? undefined : this.get(ref);
        return typeof length === 'number' ? length : undefined;
      });
      if (stream) return stream;
    }
    return value;
  }

  private findObjectHeader(num: number, gen: number): number {
    const pattern = new RegExp(`(^|[^0-9])${num}\\s+${gen}\\s+obj`, 'g');
    const needle = `${num} ${gen} obj`;
    let at = this.buffer.indexOf(needle, 0, 'latin1');
    while (at >= 0) {
      if (at === 0 || !/[0-9]/.test(String.fromCharCode(this.buffer[at - 1]))) return at;
      at = this.buffer.indexOf(needle, at + 1, 'latin1');
    }
    // Fall back to a whitespace-tolerant search on the text around each "obj" keyword.
    const text = this.buffer.toString('latin1');
    const match = pattern.exec(text);
    return match ? match.index + match[1].length : -1;
  }

  private loadCompressed(num: number, streamNum: number, index: number): PdfValue {
    let objectStream = this.objectStreams.get(streamNum);
    if (!objectStream) {
      const stream = this.get(streamNum);
      if (!(stream instanceof PdfStream)) throw new PdfSyntaxError(`object stream ${streamNum} missing`, 0);
      const data = this.streamData(stream);
      const count = Number(this.resolve(stream.dict.get('N')) ?? 0);
      const first = Number(this.resolve(stream.dict.get('First')) ?? 0);
      const header = new PdfParser(data, 0, first);
      const offsets = new Map<number, number>();
      for (let i = 0; i < count; i++) {
        const objectNum = Number(header.readRegular());
        const offset = Number(header.readRegular());
        if (!Number.isInteger(objectNum) || !Number.isInteger(offset)) break;
        if (!offsets.has(objectNum)) offsets.set(objectNum, first + offset);
      }
      objectStream = { data, offsets };
      this.objectStreams.set(streamNum, objectStream);
    }
    const at = objectStream.offsets.get(num);
    if (at === undefined)
      throw new PdfSyntaxError(`object ${num} not in object stream ${streamNum} (index ${index})`, 0);
    return new PdfParser(objectStream.data, at).parseValue();
  }
}

/** Turns a low-level read failure into the domain error. */
export function malformed(error: unknown): Error {
  if (isAppException(error)) return error;
  return pdfSigningError('PDF_MALFORMED', { reason: error instanceof Error ? error.message : String(error) });
}
