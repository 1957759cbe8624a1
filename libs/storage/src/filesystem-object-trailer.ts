import type { FileHandle } from 'node:fs/promises';
import { objectCorrupted } from './storage-errors';

/**
 * The filesystem adapter keeps an object's metadata in a trailer after its bytes, in the same file:
 *
 *   <object bytes> <metadata JSON> <JSON length: uint32 BE> <magic "VTOBJ01\n">
 *
 * One file means one rename publishes bytes and checksum together; there is no moment, crash or
 * not, when a data file is visible without its checksum or with another version's.
 */
export interface ObjectTrailer {
  key: string;
  size: number;
  sha256: string;
  contentType: string;
}

const MAGIC = Buffer.from('VTOBJ01\n', 'ascii');
const FOOTER_LENGTH = 4 + MAGIC.length;
const MAX_JSON_LENGTH = 64 * 1024;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function encodeTrailer(trailer: ObjectTrailer): Buffer {
  const json = Buffer.from(
    JSON.stringify({
      key: trailer.key,
      size: trailer.size,
      sha256: trailer.sha256,
      contentType: trailer.contentType,
    }),
    'utf8',
  );
  const footer = Buffer.alloc(FOOTER_LENGTH);
  footer.writeUInt32BE(json.length, 0);
  MAGIC.copy(footer, 4);
  return Buffer.concat([json, footer]);
}

/**
 * Reads and checks the trailer of the object file open as `handle`, recorded for `key` (null: for
 * whatever key it names, when listing).
 */
export async function readTrailer(handle: FileHandle, expectedKey: string | null): Promise<ObjectTrailer> {
  const key = expectedKey ?? '(listing)';
  const { size: fileSize } = await handle.stat();
  if (fileSize < FOOTER_LENGTH) throw objectCorrupted(key, 'metadata missing');
  const footer = await readExactly(handle, key, FOOTER_LENGTH, fileSize - FOOTER_LENGTH);
  const jsonLength = jsonLengthOf(footer, key, fileSize);
  const dataLength = fileSize - FOOTER_LENGTH - jsonLength;
  const json = await readExactly(handle, key, jsonLength, dataLength);
  return checkedTrailer(json, expectedKey, dataLength);
}

/** The checked trailer of a whole object file read into memory, recorded for `key`. */
export function trailerOf(file: Buffer, key: string): ObjectTrailer {
  if (file.length < FOOTER_LENGTH) throw objectCorrupted(key, 'metadata missing');
  const jsonLength = jsonLengthOf(file.subarray(file.length - FOOTER_LENGTH), key, file.length);
  const dataLength = file.length - FOOTER_LENGTH - jsonLength;
  return checkedTrailer(file.subarray(dataLength, dataLength + jsonLength), key, dataLength);
}

function jsonLengthOf(footer: Buffer, key: string, fileSize: number): number {
  if (!footer.subarray(4).equals(MAGIC)) throw objectCorrupted(key, 'metadata missing');
  const jsonLength = footer.readUInt32BE(0);
  if (jsonLength > MAX_JSON_LENGTH || jsonLength > fileSize - FOOTER_LENGTH) {
    throw objectCorrupted(key, 'metadata unreadable');
  }
  return jsonLength;
}

function checkedTrailer(json: Buffer, expectedKey: string | null, dataLength: number): ObjectTrailer {
  const key = expectedKey ?? '(listing)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    throw objectCorrupted(key, 'metadata unreadable');
  }
  const trailer = parsed as Partial<ObjectTrailer> | null;
  if (
    typeof trailer !== 'object' ||
    trailer === null ||
    typeof trailer.key !== 'string' ||
    (expectedKey !== null && trailer.key !== expectedKey) ||
    trailer.size !== dataLength ||
    typeof trailer.sha256 !== 'string' ||
    !SHA256_HEX.test(trailer.sha256) ||
    typeof trailer.contentType !== 'string'
  ) {
    throw objectCorrupted(key, 'metadata inconsistent');
  }
  return { key: trailer.key, size: dataLength, sha256: trailer.sha256, contentType: trailer.contentType };
}

export async function readExactly(
  handle: FileHandle,
  key: string,
  length: number,
  position: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    // Published files are never written again, so a short read means someone else changed it.
    if (bytesRead === 0) throw objectCorrupted(key, 'file shrank');
    filled += bytesRead;
  }
  return buffer;
}
