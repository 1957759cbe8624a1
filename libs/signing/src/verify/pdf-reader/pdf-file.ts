import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { PdfParser } from './pdf-parser';
import { PdfRevision } from './pdf-revision';
import { decodeStream } from './stream-decoder';
import { PdfDict, PdfRef, PdfStream, PdfValue } from './pdf-values';
import { readXrefStream, readXrefTable, XrefEntry, XrefSection } from './xref-section';

export class PdfFormatError extends Error {
  constructor(
    readonly kind: 'not-pdf' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'PdfFormatError';
  }
}

interface ObjectStreamIndex {
  readonly data: Buffer;
  readonly offsets: number[];
}

/**
 * One PDF file split into its revisions: every "startxref n %%EOF" whose cross-reference chain
 * lies inside the bytes before it ends a revision. Objects are parsed lazily and cached by where
 * they are stored, so the same bytes are parsed once however many revisions share them.
 *
 * Why the verifier keeps this reader and its value model (`pdf-values.ts`) apart from the signer's
 * `pdf/io` (issue 13 §6; docs/verification.md, "Two PDF readers"):
 * - Every revision as fixed values. The change analysis compares revision n with n+1 object by
 *   object, so values here are immutable and cached by storage place (offset, or object stream and
 *   index); a revision is exactly the bytes before its %%EOF and an object stored past it is refused.
 *   The signer's model exists to be edited before an incremental update (PdfDict set/delete/clone)
 *   and caches one revision by object number: shared, an edit or a cache filled from another
 *   revision could change what the verifier compares.
 * - Byte positions. Strings keep where they lie in the file (PdfString.start/end), so /Contents is
 *   checked against the exact signed bytes; the signer's strings carry bytes and a hex flag to write.
 * - Strictness and independence. Nesting is limited (200) and every revision's chain must lie
 *   before its %%EOF, while the signer repairs what viewers repair so that an ordinary agency PDF
 *   can be signed; and the reader that checks our signatures shares no object code with the writer
 *   that makes them, so one bug cannot both write and accept a bad document. (Not yet shared, and
 *   it should be: the number lexer. The signer reads "--5" as -5 like pdf.js and Acrobat, this
 *   parser as the two numbers 0 and -5.)
 * - Cost. Finding every revision scans the whole file: 10 ms CPU to open a 50 MB scan here against
 *   0.24 ms for the signer's reader, which follows only the last startxref (2026-12-07).
 * Shared with the signer, below the value models: the syntax error, byte classes, stream filters
 * with their output limit and the page-marking operators (`src/pdf-syntax`), and the CMS,
 * timestamp-token and X.509 Name readers (`src/cms/signed-data-reader.ts`,
 * `src/tsa/timestamp-token.ts`, `src/certificates/distinguished-name.ts`).
 */
export class PdfFile {
  readonly revisions: PdfRevision[] = [];
  private readonly objects = new Map<number | string, PdfValue>();
  private readonly chains = new Map<
    number,
    { entries: Map<number, XrefEntry>; trailer: PdfDict; maxOffset: number }
  >();
  private readonly objectStreams = new Map<number, ObjectStreamIndex>();

  private constructor(readonly buf: Buffer) {}

  static open(buf: Buffer): PdfFile {
    const head = buf.subarray(0, 1024).indexOf('%PDF-');
    if (head < 0) throw new PdfFormatError('not-pdf', 'no %PDF- header');
    const file = new PdfFile(buf);
    file.findRevisions();
    if (file.revisions.length === 0)
      throw new PdfFormatError('malformed', 'no readable cross-reference section');
    return file;
  }

  get last(): PdfRevision {
    return this.revisions[this.revisions.length - 1];
  }

  /** where a revision boundary lies for a byte offset: the revision that ends exactly there, if any */
  revisionEndingAt(offset: number): PdfRevision | undefined {
    return this.revisions.find((r) => r.end === offset || r.eofEnd === offset);
  }

  private findRevisions(): void {
    const buf = this.buf;
    let at = buf.indexOf('%%EOF');
    while (at >= 0) {
      const xrefOffset = startxrefBefore(buf, at);
      let end = at + 5;
      if (buf[end] === 13) end++;
      if (buf[end] === 10) end++;
      if (xrefOffset !== undefined && xrefOffset < at) {
        try {
          const chain = this.chain(xrefOffset);
          if (chain.maxOffset < at && chain.trailer.has('Root')) {
            this.revisions.push(
              new PdfRevision(
                this,
                this.revisions.length,
                xrefOffset,
                at + 5,
                end,
                chain.entries,
                chain.trailer,
              ),
            );
          }
        } catch {
          // not a usable revision end: an embedded file's %%EOF, or a broken update
        }
      }
      at = buf.indexOf('%%EOF', at + 5);
    }
  }

  /** merged entries of the section at `offset` and every section it chains to (newest wins) */
  private chain(
    offset: number,
    depth = 0,
  ): { entries: Map<number, XrefEntry>; trailer: PdfDict; maxOffset: number } {
    const cached = this.chains.get(offset);
    if (cached) return cached;
    if (depth > 500) throw new PdfSyntaxError('cross-reference chain too long or circular', offset);
    const section = this.readSection(offset);
    let entries = new Map<number, XrefEntry>();
    let trailerEntries = new Map<string, PdfValue>();
    let maxOffset = offset;
    if (section.prev !== undefined && section.prev !== offset) {
      const older = this.chain(section.prev, depth + 1);
      entries = new Map(older.entries);
      trailerEntries = new Map(older.trailer.entries);
      maxOffset = Math.max(maxOffset, older.maxOffset);
    }
    if (section.xrefStm !== undefined) {
      const hybrid = this.readSection(section.xrefStm);
      for (const [num, e] of hybrid.entries) entries.set(num, e);
      maxOffset = Math.max(maxOffset, section.xrefStm);
    }
    for (const [num, e] of section.entries) entries.set(num, e);
    for (const [k, v] of section.trailer.entries)
      if (k !== 'Prev' && k !== 'XRefStm') trailerEntries.set(k, v);
    const result = { entries, trailer: new PdfDict(trailerEntries), maxOffset };
    this.chains.set(offset, result);
    return result;
  }

  private readSection(offset: number): XrefSection {
    const p = new PdfParser(this.buf, offset);
    p.skipWhitespace();
    if (this.buf.toString('latin1', p.pos, p.pos + 4) === 'xref') return readXrefTable(this.buf, p.pos);
    let value: PdfValue;
    try {
      value = this.parseObjectAt(offset, undefined, undefined);
    } catch (e) {
      // a startxref a few bytes off: accept an "xref" keyword starting a line close by
      const near = this.buf.indexOf('\nxref', Math.max(0, offset - 64));
      if (near < 0 || Math.abs(near + 1 - offset) > 64) throw e;
      return readXrefTable(this.buf, near + 1);
    }
    if (!(value instanceof PdfStream))
      throw new PdfSyntaxError('startxref does not point to a cross-reference section', offset);
    return readXrefStream(
      offset,
      value,
      decodeStream(value, (v) => v ?? undefined),
    );
  }

  /** the object stored at a file offset ("n g obj …"), cached */
  parseObjectAt(
    offset: number,
    expectedNum: number | undefined,
    revision: PdfRevision | undefined,
  ): PdfValue {
    const cached = this.objects.get(offset);
    if (cached !== undefined) return cached;
    let p = new PdfParser(this.buf, offset);
    if (!this.objectHeaderAt(p, expectedNum)) {
      // offsets a few bytes off (line-ending conversions, sloppy writers): look for the header nearby
      const near = expectedNum === undefined ? -1 : this.findObjectHeader(expectedNum, offset);
      p = new PdfParser(this.buf, near);
      if (near < 0 || !this.objectHeaderAt(p, expectedNum))
        throw new PdfSyntaxError(`no object ${expectedNum ?? ''} where the cross-reference points`, offset);
    }
    let value = p.parseValue();
    if (value instanceof PdfDict && p.acceptKeyword('stream'))
      value = this.readStreamData(p, value, revision);
    this.objects.set(offset, value);
    return value;
  }

  private objectHeaderAt(p: PdfParser, expectedNum: number | undefined): boolean {
    try {
      const num = p.readInteger();
      p.readInteger();
      return p.acceptKeyword('obj') && (expectedNum === undefined || num === expectedNum);
    } catch {
      return false;
    }
  }

  /** the nearest "num g obj" within 1 KiB of `offset`, or -1 */
  private findObjectHeader(num: number, offset: number): number {
    const from = Math.max(0, offset - 1024);
    const window = this.buf.toString('latin1', from, Math.min(this.buf.length, offset + 1024));
    const re = new RegExp(`(?:^|[^0-9])(${num}\\s+\\d+\\s+obj)`, 'g');
    let best = -1;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const at = from + m.index + m[0].length - m[1].length;
      if (best < 0 || Math.abs(at - offset) < Math.abs(best - offset)) best = at;
    }
    return best;
  }

  private readStreamData(p: PdfParser, dict: PdfDict, revision: PdfRevision | undefined): PdfStream {
    const buf = this.buf;
    let start = p.pos;
    if (buf[start] === 13) start++;
    if (buf[start] === 10) start++;
    let length = dict.get('Length');
    if (length instanceof PdfRef) length = revision ? revision.resolve(length) : undefined;
    if (typeof length === 'number' && length >= 0 && start + length <= buf.length) {
      const q = new PdfParser(buf, start + length);
      if (q.acceptKeyword('endstream')) return new PdfStream(dict, buf.subarray(start, start + length));
    }
    // a wrong or indirect-but-unreadable /Length: fall back to the "endstream" keyword as readers do
    const end = buf.indexOf('endstream', start);
    if (end < 0) throw new PdfSyntaxError('unterminated stream', start);
    let dataEnd = end;
    if (buf[dataEnd - 1] === 10) dataEnd--;
    if (buf[dataEnd - 1] === 13) dataEnd--;
    return new PdfStream(dict, buf.subarray(start, Math.max(start, dataEnd)));
  }

  /** an object stored in an object stream (at file offset `streamOffset`), cached */
  parseCompressed(streamOffset: number, streamNum: number, index: number, revision: PdfRevision): PdfValue {
    const key = `${streamOffset}/${index}`;
    const cached = this.objects.get(key);
    if (cached !== undefined) return cached;
    let os = this.objectStreams.get(streamOffset);
    if (!os) {
      const stream = this.parseObjectAt(streamOffset, streamNum, revision);
      if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'ObjStm')
        throw new PdfSyntaxError(`object ${streamNum} is not an object stream`, streamOffset);
      const data = decodeStream(stream, (v) => revision.resolve(v));
      const n = revision.resolve(stream.dict.get('N'));
      const first = revision.resolve(stream.dict.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number')
        throw new PdfSyntaxError('bad object stream header', streamOffset);
      const hp = new PdfParser(data, 0, false);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        hp.readInteger();
        offsets.push(first + hp.readInteger());
      }
      os = { data, offsets };
      this.objectStreams.set(streamOffset, os);
    }
    if (index >= os.offsets.length)
      throw new PdfSyntaxError(`object stream ${streamNum} has no index ${index}`, streamOffset);
    const value = new PdfParser(os.data, os.offsets[index], false).parseValue();
    this.objects.set(key, value);
    return value;
  }
}

/** the number in "startxref <n>" just before the %%EOF at `eofAt`, if that is what precedes it */
function startxrefBefore(buf: Buffer, eofAt: number): number | undefined {
  let p = eofAt - 1;
  while (p >= 0 && PdfParser.isWhitespace(buf[p])) p--;
  const digitsEnd = p + 1;
  while (p >= 0 && buf[p] >= 0x30 && buf[p] <= 0x39) p--;
  if (p + 1 === digitsEnd) return undefined;
  const value = Number(buf.toString('latin1', p + 1, digitsEnd));
  while (p >= 0 && PdfParser.isWhitespace(buf[p])) p--;
  return buf.toString('latin1', p - 8, p + 1) === 'startxref' ? value : undefined;
}
