import { crc32 } from 'node:zlib';
import { fromBufferPromise, type Entry } from 'yauzl';
import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';

export interface ZipContents {
  /** the single file a wrapper holds, or undefined when the archive holds several (or none) */
  readonly file?: { readonly name: string; readonly bytes: Buffer };
  readonly entries: number;
  /** the single file is encrypted: the archive is kept as it is */
  readonly encrypted?: boolean;
}

/** What one package may still list of ZIP entries (shared by its attachments and nested packages). */
export interface ZipBudget {
  entries: number;
}

export interface ReadZipOptions {
  /** only list and check the entries (a genuine archive kept as it is): nothing is inflated */
  readonly listOnly?: boolean;
}

/** `PK\x03\x04`: a local file header, how every ZIP archive starts. */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

/**
 * Opens a ZIP attachment with yauzl (central directory, declared sizes enforced while inflating)
 * within limits: at most `maxZipEntries` entries (and what is left of the package's
 * `maxZipEntriesTotal`), each at most `maxAttachmentBytes` and `maxZipRatio` times its compressed
 * size, CRC-32 checked. Only an archive holding exactly one file, not encrypted, is unwrapped, and
 * not with `listOnly`; its bytes are read only then. Damage is EDXML_ATTACHMENT_CORRUPT, a bomb
 * EDXML_ATTACHMENT_TOO_LARGE.
 */
export async function readZip(
  bytes: Buffer,
  limits: EdxmlLimits,
  budget: ZipBudget,
  where: Record<string, unknown>,
  options: ReadZipOptions = {},
): Promise<ZipContents> {
  const corrupt = (reason: string) => edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason });
  const tooLarge = (what: string, value: number, limit: number) =>
    edxmlError('EDXML_ATTACHMENT_TOO_LARGE', { ...where, what, value, limit });
  let zip;
  try {
    zip = await fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (e) {
    throw corrupt(`zip: ${(e as Error).message}`);
  }
  try {
    if (zip.entryCount > limits.maxZipEntries)
      throw tooLarge('zip-entries', zip.entryCount, limits.maxZipEntries);
    if (zip.entryCount > budget.entries)
      throw tooLarge('zip-entries-total', zip.entryCount, limits.maxZipEntriesTotal);
    budget.entries -= zip.entryCount;
    const files: Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        if (entry.uncompressedSize > limits.maxAttachmentBytes)
          throw tooLarge('zip-entry-size', entry.uncompressedSize, limits.maxAttachmentBytes);
        if (entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxZipRatio)
          throw tooLarge(
            'zip-ratio',
            Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)),
            limits.maxZipRatio,
          );
        files.push(entry);
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'EDXML_ATTACHMENT_TOO_LARGE') throw e;
      throw corrupt(`zip: ${(e as Error).message}`);
    }
    if (files.length !== 1 || options.listOnly) return { entries: files.length };
    const entry = files[0];
    if (entry.isEncrypted()) return { entries: 1, encrypted: true };
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        total += (chunk as Buffer).length;
        // yauzl stops at the declared size too; this holds even if a header lied
        if (total > entry.uncompressedSize) throw new Error('more data than declared');
        chunks.push(chunk as Buffer);
      }
    } catch (e) {
      throw corrupt(`zip: ${(e as Error).message}`);
    }
    const data = Buffer.concat(chunks, total);
    if (crc32(data) !== entry.crc32) throw corrupt('zip: CRC-32 mismatch');
    return { entries: 1, file: { name: entry.fileName, bytes: data } };
  } finally {
    zip.close();
  }
}
