import { Writable } from 'node:stream';
import { ChunkedOutput } from './chunked-output';

/** A file-like stream: small high-water mark, asynchronous writes, every chunk kept as given. */
class SlowSink extends Writable {
  readonly chunks: Buffer[] = [];

  constructor() {
    super({ highWaterMark: 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    setImmediate(done);
  }
}

describe('ChunkedOutput', () => {
  it('writes exactly the UTF-8 of the texts, in order, gathered into chunks of at most 1 MiB', async () => {
    const texts: string[] = [];
    // Vietnamese text (multi-byte characters) around every chunk boundary, base64-like pieces, and
    // texts larger than a chunk
    for (let i = 0; i < 300; i++) {
      texts.push(`<edXML:Subject>Quyết định số ${i} về việc ban hành quy chế</edXML:Subject>\n`);
      texts.push('QUJD'.repeat((i % 7) * 4096 + 1));
      if (i % 97 === 0) texts.push('Đ'.repeat(700_000));
    }
    const sink = new SlowSink();
    const output = new ChunkedOutput(sink);
    for (const text of texts) await output.write(text);
    await output.flush();
    const expected = Buffer.from(texts.join(''), 'utf8');
    const written = Buffer.concat(sink.chunks);
    expect(written.equals(expected)).toBe(true);
    expect(output.bytes).toBe(expected.length);
    // texts of up to 1 MiB are gathered (a 1.4 MB text goes on its own)
    expect(sink.chunks.length).toBeLessThan(expected.length / (512 * 1024));
    expect(sink.chunks.filter((c) => c.length > 1024 * 1024).every((c) => c.length === 1_400_000)).toBe(true);
  });

  it('writes nothing for nothing, and a last short chunk on flush', async () => {
    const sink = new SlowSink();
    const output = new ChunkedOutput(sink);
    await output.flush();
    expect(sink.chunks).toHaveLength(0);
    await output.write('<a/>');
    expect(sink.chunks).toHaveLength(0);
    await output.flush();
    expect(Buffer.concat(sink.chunks).toString('utf8')).toBe('<a/>');
  });
});
