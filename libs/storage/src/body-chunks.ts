import type { Readable } from 'node:stream';

/**
 * The bytes of a `put` body as Buffers. Strings are refused rather than encoded: a stream that
 * yields text has already decoded the bytes, and storing a re-encoding would change the checksum.
 */
export async function* bodyChunks(body: Buffer | Readable): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(body)) {
    yield body;
    return;
  }
  for await (const chunk of body as AsyncIterable<unknown>) {
    if (Buffer.isBuffer(chunk)) yield chunk;
    else if (chunk instanceof Uint8Array) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else throw new TypeError('object body streams must yield Buffer or Uint8Array chunks');
  }
}
