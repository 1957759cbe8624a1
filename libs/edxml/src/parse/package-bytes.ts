import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { edxmlError } from '../edxml.errors';

/** A package to read: its bytes, a file path, or a stream (read up to the size limit, no further). */
export type PackageInput = Buffer | { readonly path: string } | Readable;

/** Reads the whole package, refusing with EDXML_TOO_LARGE as soon as it passes `maxBytes`. */
export async function readPackageBytes(input: PackageInput, maxBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(input)) {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes);
    return input;
  }
  if (!isStream(input)) {
    // a file is read in one allocation: collecting stream chunks and joining them would hold it twice
    const { size } = await stat(input.path);
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    const bytes = await readFile(input.path);
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    return bytes;
  }
  const stream = input;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += b.length;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge(total, maxBytes);
    }
    chunks.push(b);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function isStream(input: { readonly path: string } | Readable): input is Readable {
  return typeof (input as Readable).pipe === 'function';
}

function tooLarge(bytes: number, maxBytes: number) {
  return edxmlError('EDXML_TOO_LARGE', { what: 'package', bytes, limit: maxBytes });
}

export interface PackageText {
  /** offset of the first byte after a UTF-8 byte order mark */
  readonly start: number;
  readonly hadBom: boolean;
}

/**
 * Only UTF-8 is accepted (the standard's encoding and every package seen): a UTF-16 or UTF-32 byte
 * order mark, or a declaration naming another encoding, is EDXML_ENCODING_UNSUPPORTED.
 */
export function checkEncoding(bytes: Buffer): PackageText {
  if (
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0 && bytes[1] === 0)
  )
    throw edxmlError('EDXML_ENCODING_UNSUPPORTED', { encoding: 'UTF-16/UTF-32' });
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = hadBom ? 3 : 0;
  const head = bytes.toString('latin1', start, Math.min(bytes.length, start + 200));
  const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head);
  if (declared && !/^utf-?8$/i.test(declared[1]))
    throw edxmlError('EDXML_ENCODING_UNSUPPORTED', { encoding: declared[1].slice(0, 40) });
  return { start, hadBom };
}
