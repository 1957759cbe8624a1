import { createHash } from 'node:crypto';
import { PdfRaw } from '../io/pdf-objects';

const SLOT = 10;
/** Fixed-width placeholder: three 10-digit slots, patched in place once offsets are known. */
export const BYTE_RANGE_PLACEHOLDER = `[0 ${'0'.repeat(SLOT)} ${'0'.repeat(SLOT)} ${'0'.repeat(SLOT)}]`;

export function byteRangePlaceholder(): PdfRaw {
  return new PdfRaw(Buffer.from(BYTE_RANGE_PLACEHOLDER, 'latin1'));
}

export function contentsPlaceholder(bytes: number): PdfRaw {
  return new PdfRaw(Buffer.from(`<${'0'.repeat(bytes * 2)}>`, 'latin1'));
}

/** `[0 a b c]` padded with spaces to the placeholder's width. */
export function formatByteRange(range: readonly [number, number, number, number]): string {
  const text = `[${range.join(' ')}`;
  if (text.length + 1 > BYTE_RANGE_PLACEHOLDER.length)
    throw new RangeError('file too large for the /ByteRange placeholder');
  return `${text}${' '.repeat(BYTE_RANGE_PLACEHOLDER.length - text.length - 1)}]`;
}

/**
 * Digest of the signed bytes: the whole input, then the appended bytes around /Contents. Hashing the
 * slices in turn avoids building the signed byte sequence (no copy of a 50 MB file).
 */
export function digestSignedBytes(algorithm: string, parts: readonly Buffer[]): Buffer {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest();
}
