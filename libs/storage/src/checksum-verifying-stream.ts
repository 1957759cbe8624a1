import { createHash, type Hash } from 'node:crypto';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { objectCorrupted } from './storage-errors';

export interface ExpectedContent {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Passes an object's bytes through while hashing them and ends only if size and SHA-256 match what
 * was recorded; otherwise it is destroyed with STORAGE_OBJECT_CORRUPTED. The latest chunk is held
 * back until the next one arrives (or verification succeeds), so a consumer never receives a
 * corrupted object in full: at least its last chunk is missing when the error comes.
 */
export class ChecksumVerifyingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private received = 0;
  private held: Buffer | undefined;

  constructor(private readonly expected: ExpectedContent) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.expected.size) {
      callback(objectCorrupted(this.expected.key, 'longer than recorded'));
      return;
    }
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    if (this.received !== this.expected.size) {
      callback(objectCorrupted(this.expected.key, 'shorter than recorded'));
      return;
    }
    if (this.hash.digest('hex') !== this.expected.sha256) {
      callback(objectCorrupted(this.expected.key, 'checksum mismatch'));
      return;
    }
    callback(null, this.held);
    this.held = undefined;
  }
}

/**
 * `source` seen through a ChecksumVerifyingStream. Errors travel both ways: a failing source fails
 * the returned stream, and a consumer that stops early (destroys it) releases the source.
 */
export function verifyWhileReading(source: Readable, expected: ExpectedContent): Readable {
  const verifier = new ChecksumVerifyingStream(expected);
  pipeline(source, verifier, () => {
    // Errors surface on `verifier`, which is what the caller holds.
  });
  return verifier;
}
