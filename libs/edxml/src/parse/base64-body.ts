import type { Hash } from 'node:crypto';
import { edxmlError } from '../edxml.errors';
import type { AttachmentRun } from './reduced-document';

// a multiple of 4 (whole base64 quanta) below V8's large-object size: the text pieces die young
const BLOCK = 64 * 1024;

export interface DecodedBody {
  readonly bytes: Buffer;
  /** base64 whose length was not a multiple of four (read anyway) */
  readonly unpadded: boolean;
}

/** Decoded size of base64 text, refusing what is not base64 (EDXML_ATTACHMENT_CORRUPT). */
function decodedSize(
  chars: number,
  padding: number,
  afterFirstPad: number,
  where: Record<string, unknown>,
): number {
  const rest = chars % 4;
  if (padding > 2 || (padding > 0 && (afterFirstPad !== padding - 1 || rest !== 0)) || rest === 1)
    throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'not-base64' });
  return Math.floor(((chars - padding) * 3) / 4);
}

function tooLarge(size: number, maxBytes: number, where: Record<string, unknown>) {
  return edxmlError('EDXML_ATTACHMENT_TOO_LARGE', { ...where, bytes: size, limit: maxBytes });
}

/** Decodes a set-aside attachment body from the package bytes, block by block, into one buffer. */
export function decodeRun(
  source: Buffer,
  run: AttachmentRun,
  maxBytes: number,
  where: Record<string, unknown>,
): DecodedBody {
  const size = decodedSize(run.chars, run.padding, run.afterFirstPad, where);
  if (size > maxBytes) throw tooLarge(size, maxBytes, where);
  const out = Buffer.allocUnsafe(size);
  let written = 0;
  if (!run.hasWhitespace) {
    for (let a = run.start; a < run.end; a += BLOCK)
      written += out.write(source.toString('latin1', a, Math.min(a + BLOCK, run.end)), written, 'base64');
  } else {
    const scratch = Buffer.allocUnsafe(BLOCK);
    let n = 0;
    for (let i = run.start; i < run.end; i++) {
      const c = source[i];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
      scratch[n++] = c;
      if (n === BLOCK) {
        written += out.write(scratch.toString('latin1', 0, n), written, 'base64');
        n = 0;
      }
    }
    if (n > 0) written += out.write(scratch.toString('latin1', 0, n), written, 'base64');
  }
  if (written !== size) throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'not-base64' });
  return { bytes: out, unpadded: run.chars % 4 !== 0 };
}

/** Decodes an attachment body that stayed in the markup (small). */
export function decodeInline(text: string, maxBytes: number, where: Record<string, unknown>): DecodedBody {
  const compact = text.replace(/[ \t\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'not-base64' });
  const padding = compact.length - compact.replace(/=+$/, '').length;
  const size = decodedSize(compact.length, padding, Math.max(0, padding - 1), where);
  if (size > maxBytes) throw tooLarge(size, maxBytes, where);
  return { bytes: Buffer.from(compact, 'base64'), unpadded: compact.length % 4 !== 0 };
}

/**
 * Feeds a run's text to `hash` as canonicalization writes it: the characters as they are, line
 * breaks as LF (an XML parser turns CRLF and CR into LF before anything else sees the text).
 */
export function hashRun(hash: Hash, source: Buffer, run: AttachmentRun): void {
  if (!run.hasCr) {
    hash.update(source.subarray(run.start, run.end));
    return;
  }
  const scratch = Buffer.allocUnsafe(Math.min(BLOCK, run.end - run.start));
  let n = 0;
  for (let i = run.start; i < run.end; i++) {
    let c = source[i];
    if (c === 0x0d) {
      if (source[i + 1] === 0x0a && i + 1 < run.end) continue;
      c = 0x0a;
    }
    scratch[n++] = c;
    if (n === scratch.length) {
      hash.update(scratch.subarray(0, n));
      n = 0;
    }
  }
  if (n > 0) hash.update(scratch.subarray(0, n));
}
