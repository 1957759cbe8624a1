import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** About this much text is gathered before each write to the output. */
const CHUNK = 1024 * 1024;

/**
 * Text written to a stream in chunks of about 1 MiB: a package is many small texts and 64 KiB
 * pieces of base64, and a file stream given each piece on its own waited for its drain (one
 * thread-pool write) about 1,100 times for a 50 MB attachment. Counts the bytes written.
 */
export class ChunkedOutput {
  private buffer = Buffer.allocUnsafe(0);
  private used = 0;
  bytes = 0;

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    const length = Buffer.byteLength(text, 'utf8');
    this.bytes += length;
    if (this.used + length > this.buffer.length) {
      await this.flush();
      if (length > CHUNK) return this.put(Buffer.from(text, 'utf8'));
      this.buffer = Buffer.allocUnsafe(CHUNK);
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** writes what is gathered; the buffer handed to the stream is never written to again */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(0);
    this.used = 0;
    await this.put(chunk);
  }

  private async put(chunk: Buffer): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
