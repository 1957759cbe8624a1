import { randomBytes } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';

/**
 * An attachment body set aside: the bytes `start..end` of the package, the whole text content of a
 * `ContentTransferEncoded` element, nothing in it but base64 characters and white space.
 */
export interface AttachmentRun {
  readonly token: string;
  readonly start: number;
  readonly end: number;
  /** base64 characters (white space excluded) */
  readonly chars: number;
  /** characters after the first `=`, which must be padding at the very end */
  readonly afterFirstPad: number;
  readonly padding: number;
  /** line breaks (CRLF counts once), kept in the placeholder so lines keep their numbers */
  readonly lineBreaks: number;
  readonly hasCr: boolean;
  readonly hasWhitespace: boolean;
  /** length of the run's last line, to map a column on the line where it ends */
  readonly lastLineLength: number;
}

/**
 * The package as the XML parsers see it: each large attachment body replaced by a placeholder of
 * letters and digits carrying a random nonce (`EDXMLRUN<nonce>X<n>X`, preceded by the run's line
 * breaks). The markup is then small whatever the attachments weigh; the bodies are decoded and
 * hashed from the original bytes. Placeholders are only ever put where the text is the whole content
 * of a ContentTransferEncoded element, so every parser gives them the same treatment as the base64
 * they stand for (canonicalization writes both unchanged); the nonce makes them impossible to forge.
 */
export interface ReducedDocument {
  readonly source: Buffer;
  readonly xml: string;
  readonly nonce: string;
  readonly runs: readonly AttachmentRun[];
}

/** Below this a body stays in the markup: small attachments cost less as text. */
export const RUN_THRESHOLD = 4096;

const NAME = Buffer.from('ContentTransferEncoded', 'latin1');
const LT = 0x3c;
const GT = 0x3e;

export function reduceDocument(source: Buffer, start: number, limits: EdxmlLimits): ReducedDocument {
  const nonce = randomBytes(12).toString('hex');
  const runs: AttachmentRun[] = [];
  const segments: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let markupBytes = 0;
  let copied = start;
  let pos = start;
  for (;;) {
    const i = source.indexOf(NAME, pos);
    if (i < 0) break;
    pos = i + NAME.length;
    const found = runAfterStartTag(source, i);
    if (!found || found.end - found.start < RUN_THRESHOLD) continue;
    const token = `EDXMLRUN${nonce}X${runs.length}X`;
    const run = { ...found, token };
    runs.push(run);
    markupBytes += run.start - copied;
    if (markupBytes > limits.maxMarkupBytes) throw markupTooLarge(limits);
    segments.push(decode(decoder, source, copied, run.start), '\n'.repeat(run.lineBreaks) + token);
    copied = run.end;
    pos = run.end;
  }
  markupBytes += source.length - copied;
  if (markupBytes > limits.maxMarkupBytes) throw markupTooLarge(limits);
  segments.push(decode(decoder, source, copied, source.length));
  return { source, xml: segments.join(''), nonce, runs };
}

function markupTooLarge(limits: EdxmlLimits) {
  return edxmlError('EDXML_TOO_LARGE', { what: 'markup', limit: limits.maxMarkupBytes });
}

function decode(decoder: TextDecoder, source: Buffer, from: number, to: number): string {
  try {
    return decoder.decode(source.subarray(from, to));
  } catch {
    throw edxmlError('EDXML_NOT_WELL_FORMED', { reason: 'invalid UTF-8', ...position(source, from, to) });
  }
}

/** line and column of the first invalid UTF-8 sequence in `from..to` */
function position(source: Buffer, from: number, to: number): { line: number; column: number } {
  let bad = from;
  for (let i = from; i < to;) {
    const n = sequenceLength(source, i, to);
    if (n === 0) {
      bad = i;
      break;
    }
    i += n;
  }
  const before = source.toString('utf8', 0, bad);
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function sequenceLength(b: Buffer, i: number, to: number): number {
  const c = b[i];
  const n =
    c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > to) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  return n;
}

/**
 * When `nameAt` starts the local name of a start tag `<ContentTransferEncoded …>` or
 * `<p:ContentTransferEncoded …>` whose whole content is base64 and white space followed by the
 * matching end tag, the content's extent; otherwise undefined (the text stays in the markup).
 */
function runAfterStartTag(b: Buffer, nameAt: number): Omit<AttachmentRun, 'token'> | undefined {
  let j = nameAt - 1;
  if (b[j] === 0x3a) {
    j--;
    while (j >= 0 && isNameByte(b[j])) j--;
    if (j === nameAt - 2) return undefined;
  }
  if (b[j] !== LT) return undefined;
  const qname = b.subarray(j + 1, nameAt + NAME.length);
  let k = nameAt + NAME.length;
  if (b[k] !== GT && !isSpace(b[k])) return undefined;
  let quote = 0;
  while (k < b.length && (quote !== 0 || b[k] !== GT)) {
    if (quote === 0 && (b[k] === 0x22 || b[k] === 0x27)) quote = b[k];
    else if (b[k] === quote) quote = 0;
    else if (quote === 0 && b[k] === LT) return undefined;
    k++;
  }
  if (k >= b.length || b[k - 1] === 0x2f) return undefined;
  const start = k + 1;
  const e = b.indexOf(LT, start);
  if (e < 0) return undefined;
  const counts = countBase64(b, start, e);
  if (!counts) return undefined;
  if (b[e] !== LT || b[e + 1] !== 0x2f) return undefined;
  const close = e + 2 + qname.length;
  if (!b.subarray(e + 2, close).equals(qname)) return undefined;
  let m = close;
  while (isSpace(b[m])) m++;
  if (b[m] !== GT) return undefined;
  return { start, end: e, ...counts };
}

// below V8's large-object size, so that the pieces die young instead of piling up until a full GC
const CHUNK = 64 * 1024;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;
const NOT_BASE64_OR_SPACE = /[^A-Za-z0-9+/=\t\n\r ]/;

/**
 * Counts of `start..end` when it holds nothing but base64 characters and white space, else
 * undefined. Read in 64 KiB pieces as latin1 text so that the native regular expression engine does
 * the per-byte work (a 67 MB body is scanned in tens of milliseconds).
 */
function countBase64(
  b: Buffer,
  start: number,
  end: number,
): Omit<AttachmentRun, 'token' | 'start' | 'end'> | undefined {
  let chars = 0;
  let padding = 0;
  let afterFirstPad = 0;
  let lineBreaks = 0;
  let hasCr = false;
  let hasWhitespace = false;
  let lastLineStart = start;
  for (let a = start; a < end; a += CHUNK) {
    const text = b.toString('latin1', a, Math.min(a + CHUNK, end));
    let compact = text;
    // one scan when the piece is pure base64 (our packages, most others); white space costs a second
    if (NOT_BASE64.test(text)) {
      if (NOT_BASE64_OR_SPACE.test(text)) return undefined;
      hasWhitespace = true;
      compact = text.replace(/[\t\n\r ]+/g, '');
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineBreaks++;
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
        hasCr = true;
        // CR LF is one line break (counted with its LF); a CR on its own is one too
        if (text[i + 1] !== '\n' && !(i + 1 === text.length && b[a + i + 1] === 0x0a)) lineBreaks++;
      }
      const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      if (last >= 0) lastLineStart = a + last + 1;
    }
    const firstPad = compact.indexOf('=');
    if (padding > 0) afterFirstPad += compact.length;
    else if (firstPad >= 0) afterFirstPad += compact.length - firstPad - 1;
    for (let i = firstPad; i >= 0; i = compact.indexOf('=', i + 1)) padding++;
    chars += compact.length;
  }
  return {
    chars,
    padding,
    afterFirstPad,
    lineBreaks,
    hasCr,
    hasWhitespace,
    lastLineLength: end - lastLineStart,
  };
}

function isNameByte(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f
  );
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
