import { createReadStream } from 'node:fs';
import { edxmlError } from '../edxml.errors';
import type { AttachmentSource } from './package-input';

/** Buffers up to this size are base64-encoded once and the text reused by both passes. */
const ENCODE_ONCE_LIMIT = 8 * 1024 * 1024;
// files are read in large pieces: with 48 KiB reads, reading a 50 MB file twice cost more wall time
// than its base64 and digest together (one thread-pool round trip per read)
const FILE_CHUNK = 1024 * 1024;
// a multiple of 3 (whole base64 quanta) whose base64 stays below V8's large-object size, so the
// text pieces of a 50 MB file die young instead of piling up until a full collection
const PIECE = 48 * 1024;

/** The bytes of a source, chunk by chunk; read errors become EDXML_SOURCE_UNREADABLE. */
export async function* sourceChunks(source: AttachmentSource): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(source)) {
    yield source;
    return;
  }
  try {
    const stream =
      'path' in source ? createReadStream(source.path, { highWaterMark: FILE_CHUNK }) : await source.open();
    for await (const chunk of stream) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
  } catch (error) {
    throw edxmlError('EDXML_SOURCE_UNREADABLE', { reason: (error as Error).message });
  }
}

/**
 * Base64 of a source as a sequence of text pieces, in bounded memory: each chunk is encoded up to a
 * multiple of three bytes, in pieces of at most 64 KiB of text, and the remainder carried into the
 * next, so the pieces join into exactly the base64 of the whole (no line breaks).
 */
export async function* base64Pieces(source: AttachmentSource): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const chunk of sourceChunks(source)) {
    let data = chunk;
    if (carry.length > 0) {
      // complete the carried quantum from the chunk's first bytes instead of copying the chunk
      const take = Math.min(3 - carry.length, data.length);
      carry = Buffer.concat([carry, data.subarray(0, take)]);
      data = data.subarray(take);
      if (carry.length < 3) continue;
      yield carry.toString('base64');
      carry = Buffer.alloc(0);
    }
    const whole = data.length - (data.length % 3);
    for (let a = 0; a < whole; a += PIECE) yield data.toString('base64', a, Math.min(a + PIECE, whole));
    carry = Buffer.from(data.subarray(whole));
  }
  if (carry.length > 0) yield carry.toString('base64');
}

/** Base64 text of small buffers, kept between the digest pass and the writing pass. */
export class Base64Cache {
  private readonly texts = new Map<AttachmentSource, string>();

  async *pieces(source: AttachmentSource): AsyncGenerator<string> {
    if (Buffer.isBuffer(source) && source.length <= ENCODE_ONCE_LIMIT) {
      let text = this.texts.get(source);
      if (text === undefined) {
        text = source.toString('base64');
        this.texts.set(source, text);
      }
      yield text;
      return;
    }
    yield* base64Pieces(source);
  }
}
