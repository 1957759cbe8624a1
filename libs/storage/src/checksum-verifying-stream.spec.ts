import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { verifyWhileReading } from './checksum-verifying-stream';

const chunks = [Buffer.from('first '), Buffer.from('second '), Buffer.from('third')];
const whole = Buffer.concat(chunks);
const sha256 = createHash('sha256').update(whole).digest('hex');

async function read(stream: Readable): Promise<{ received: Buffer; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of stream) parts.push(chunk as Buffer);
    return { received: Buffer.concat(parts) };
  } catch (error) {
    return { received: Buffer.concat(parts), error };
  }
}

describe('verifyWhileReading', () => {
  it('passes matching bytes through unchanged', async () => {
    const result = await read(
      verifyWhileReading(Readable.from(chunks), { key: 'k', size: whole.length, sha256 }),
    );
    expect(result.error).toBeUndefined();
    expect(result.received.equals(whole)).toBe(true);
  });

  it.each([
    [
      'a changed byte',
      [Buffer.from('first '), Buffer.from('secXnd '), Buffer.from('third')],
      'checksum mismatch',
    ],
    ['a missing tail', chunks.slice(0, 2), 'shorter than recorded'],
    ['extra bytes', [...chunks, Buffer.from('!')], 'longer than recorded'],
  ])(
    'fails with STORAGE_OBJECT_CORRUPTED on %s and withholds the last chunk',
    async (_label, parts, reason) => {
      const result = await read(
        verifyWhileReading(Readable.from(parts), { key: 'k', size: whole.length, sha256 }),
      );
      expect(result.error).toMatchObject({
        code: 'STORAGE_OBJECT_CORRUPTED',
        status: 500,
        details: { key: 'k', reason },
      });
      expect(result.received.length).toBeLessThan(whole.length);
    },
  );

  it('fails when the source fails, and releases the source when the reader stops early', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    expect((await read(verifyWhileReading(failing, { key: 'k', size: 1, sha256 }))).error).toMatchObject({
      message: 'disk gone',
    });

    const source = Readable.from(chunks);
    const verified = verifyWhileReading(source, { key: 'k', size: whole.length, sha256 });
    verified.destroy();
    await new Promise((resolve) => source.once('close', resolve));
    expect(source.destroyed).toBe(true);
  });
});
