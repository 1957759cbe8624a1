import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export interface GeneratedStream {
  stream: Readable;
  /** Size and SHA-256 of what the stream produced so far (all of it once it has ended). */
  produced(): { size: number; sha256: string };
}

/**
 * `totalBytes` of random data made on demand, a fresh Buffer per chunk: nothing is retained here, so
 * whoever holds on to the chunks (an adapter buffering the object) pays for all of them in memory.
 */
export function generatedStream(
  totalBytes: number,
  chunkSize = 1024 * 1024,
  onChunk?: () => void,
): GeneratedStream {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | undefined;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      if (size >= totalBytes) {
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(chunkSize, totalBytes - size));
      hash.update(chunk);
      size += chunk.length;
      onChunk?.();
      this.push(chunk);
    },
  });
  return {
    stream,
    produced: () => {
      if (size >= totalBytes) digest ??= hash.digest('hex');
      return { size, sha256: digest ?? hash.copy().digest('hex') };
    },
  };
}

/** A stream that delivers `bytesBeforeFailure` random bytes and then fails, as a dropped upload does. */
export function failingStream(bytesBeforeFailure: number, chunkSize = 256 * 1024): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytesBeforeFailure) {
        this.destroy(new Error('source failed midway'));
        return;
      }
      const chunk = randomBytes(Math.min(chunkSize, bytesBeforeFailure - sent));
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

export interface DrainResult {
  size: number;
  sha256: string;
  chunks: number;
}

/** Reads `stream` to the end keeping only a running hash; rejects with the stream's error. */
export async function drain(stream: Readable, onChunk?: (bytesSoFar: number) => void): Promise<DrainResult> {
  const hash = createHash('sha256');
  let size = 0;
  let chunks = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    chunks++;
    onChunk?.(size);
  }
  return { size, sha256: hash.digest('hex'), chunks };
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
