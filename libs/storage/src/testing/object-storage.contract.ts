import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ObjectStorage, StoredObject } from '../object-storage';
import type { StorageOptions } from '../storage-options';
import { putUntilKilled } from './put-until-killed';
import { drain, failingStream, generatedStream, sha256Hex } from './test-streams';

/** One adapter under test, plus ways to reach behind its back. */
export interface ObjectStorageContractSubject {
  storage: ObjectStorage;
  /** The options `storage` was made from, so another process can open the same store. */
  options: StorageOptions;
  /** Flips the stored byte at `offset` of the object's data, leaving the recorded checksum as it was. */
  flipStoredByte(key: string, offset: number): Promise<void>;
  /** Replaces what is stored under `key` with `bytes` and no recorded checksum at all. */
  storeUnrecorded(key: string, bytes: Buffer): Promise<void>;
  /** How many entries the backend holds (files or keys, temporaries included). */
  countStoredEntries(): Promise<number>;
  dispose(): Promise<void>;
}

export interface ObjectStorageContractOptions {
  /**
   * Set (with the reason) when the backend under test, not the adapter, cannot keep racing writes to
   * one key apart; the test is then skipped rather than weakened.
   */
  sameKeyRaceUnsupported?: string;
}

const MiB = 1024 * 1024;

/** The behaviour every ObjectStorage adapter must show; run by each adapter's integration spec. */
export function describeObjectStorageContract(
  name: string,
  setup: () => Promise<ObjectStorageContractSubject>,
  options: ObjectStorageContractOptions = {},
): void {
  describe(`${name} satisfies the ObjectStorage contract`, () => {
    let subject: ObjectStorageContractSubject;
    let storage: ObjectStorage;
    let counter = 0;
    const newKey = (label: string) => `contract/t${++counter}/${label}.bin`;

    beforeAll(async () => {
      subject = await setup();
      storage = subject.storage;
      await storage.init();
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('round-trips a Buffer with its checksum, size and content type', async () => {
      const key = newKey('buffer');
      const body = randomBytes(100_000);
      const stored = await storage.put(key, body, { contentType: 'application/pdf' });
      const expected: StoredObject = {
        key,
        size: body.length,
        sha256: sha256Hex(body),
        contentType: 'application/pdf',
      };
      expect(stored).toEqual(expected);
      expect(await storage.stat(key)).toEqual(expected);
      expect(await storage.exists(key)).toBe(true);
      expect((await storage.getBuffer(key)).equals(body)).toBe(true);
    });

    it('round-trips a stream of unknown length and an empty object', async () => {
      const body = randomBytes(300_000);
      const key = newKey('stream');
      const chunks = Array.from({ length: 30 }, (_, i) => body.subarray(i * 10_000, (i + 1) * 10_000));
      expect(await storage.put(key, Readable.from(chunks))).toMatchObject({
        size: body.length,
        sha256: sha256Hex(body),
      });
      expect((await storage.getBuffer(key)).equals(body)).toBe(true);

      const empty = newKey('empty');
      expect(await storage.put(empty, Buffer.alloc(0))).toMatchObject({
        size: 0,
        sha256: sha256Hex(Buffer.alloc(0)),
      });
      expect((await storage.getBuffer(empty)).length).toBe(0);
      expect(await storage.stat(empty)).toEqual({
        key: empty,
        size: 0,
        sha256: sha256Hex(Buffer.alloc(0)),
        contentType: 'application/octet-stream',
      });
    });

    it('streams a multi-megabyte generated object in and out', async () => {
      const key = newKey('large');
      const source = generatedStream(20 * MiB + 12_345);
      const stored = await storage.put(key, source.stream, { contentType: 'application/zip' });
      expect(stored).toEqual({ key, ...source.produced(), contentType: 'application/zip' });
      const read = await drain(await storage.get(key));
      expect({ size: read.size, sha256: read.sha256 }).toEqual(source.produced());
      expect(read.chunks).toBeGreaterThan(1);
    });

    it('reports absent objects as STORAGE_OBJECT_NOT_FOUND and deletes idempotently', async () => {
      const key = newKey('absent');
      const notFound = { code: 'STORAGE_OBJECT_NOT_FOUND', status: 404 };
      await expect(storage.stat(key)).rejects.toMatchObject(notFound);
      await expect(storage.get(key)).rejects.toMatchObject(notFound);
      await expect(storage.getBuffer(key)).rejects.toMatchObject(notFound);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.delete(key)).resolves.toBeUndefined();

      await storage.put(key, Buffer.from('to be deleted'));
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.getBuffer(key)).rejects.toMatchObject(notFound);
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it.each(
      [
        '',
        '/absolute',
        'a//b',
        'trailing/',
        '..',
        'a/../b',
        './a',
        'space here',
        'dấu-tiếng-việt',
        'back\\slash',
        'query?x',
        'percent%2F',
        '~tmp/x',
        'x'.repeat(513),
        `${'s'.repeat(201)}/a`,
      ].map((key) => [
        key.length > 40 ? `${key.slice(0, 8)}… (${key.length} characters)` : JSON.stringify(key),
        key,
      ]),
    )('refuses the key %s with STORAGE_KEY_INVALID', async (_label, key) => {
      const invalid = { code: 'STORAGE_KEY_INVALID', status: 400 };
      await expect(storage.put(key, Buffer.from('x'))).rejects.toMatchObject(invalid);
      await expect(storage.get(key)).rejects.toMatchObject(invalid);
      await expect(storage.stat(key)).rejects.toMatchObject(invalid);
      await expect(storage.exists(key)).rejects.toMatchObject(invalid);
      await expect(storage.delete(key)).rejects.toMatchObject(invalid);
    });

    it('accepts the longest valid key and refuses a content type that could break a header', async () => {
      let longKey = newKey('long');
      while (longKey.length < 512) longKey += `/${'k'.repeat(Math.min(200, 511 - longKey.length))}`;
      expect(longKey.length).toBe(512);
      await storage.put(longKey, Buffer.from('long key'));
      expect((await storage.getBuffer(longKey)).toString()).toBe('long key');
      await expect(
        storage.put(newKey('ct'), Buffer.from('x'), { contentType: 'text/plain\r\nX-Injected: 1' }),
      ).rejects.toMatchObject({ code: 'STORAGE_CONTENT_TYPE_INVALID' });
    });

    it.each([
      ['a small object (read whole)', 100 * 1024],
      ['a large one (streamed)', 3 * MiB],
    ])('refuses to serve bytes that no longer match their checksum: %s', async (_label, size) => {
      const key = newKey('corrupt');
      const body = randomBytes(size);
      await storage.put(key, body);
      await subject.flipStoredByte(key, 1_000);
      const corrupted = { code: 'STORAGE_OBJECT_CORRUPTED', status: 500 };
      await expect(storage.getBuffer(key)).rejects.toMatchObject(corrupted);
      let delivered = 0;
      await expect(drain(await storage.get(key), (bytes) => (delivered = bytes))).rejects.toMatchObject(
        corrupted,
      );
      expect(delivered).toBeLessThan(body.length);
    });

    it('refuses to serve an object stored without a recorded checksum', async () => {
      const key = newKey('unrecorded');
      await subject.storeUnrecorded(key, Buffer.from('planted behind the adapter'));
      const corrupted = { code: 'STORAGE_OBJECT_CORRUPTED' };
      await expect(storage.getBuffer(key)).rejects.toMatchObject(corrupted);
      await expect(storage.get(key).then(drain)).rejects.toMatchObject(corrupted);
    });

    it.each([
      ['early', 3 * MiB],
      ['after several parts', 19 * MiB],
    ])('leaves nothing behind when the source fails %s', async (_label, failAt) => {
      const key = newKey('failed');
      const before = await subject.countStoredEntries();
      await expect(storage.put(key, failingStream(failAt))).rejects.toThrow('source failed midway');
      expect(await storage.exists(key)).toBe(false);
      await expect(storage.stat(key)).rejects.toMatchObject({ code: 'STORAGE_OBJECT_NOT_FOUND' });
      expect(await subject.countStoredEntries()).toBe(before);
    });

    it('keeps the previous version intact when an overwrite fails', async () => {
      const key = newKey('keep');
      const previous = randomBytes(1 * MiB);
      const stored = await storage.put(key, previous, { contentType: 'text/plain' });
      await expect(storage.put(key, failingStream(10 * MiB))).rejects.toThrow('source failed midway');
      await expect(storage.put(key, Readable.from(['text, not bytes']))).rejects.toThrow(TypeError);
      expect(await storage.stat(key)).toEqual(stored);
      expect((await storage.getBuffer(key)).equals(previous)).toBe(true);
    });

    it('keeps the previous version when the writing process is killed mid-write', async () => {
      const key = newKey('crash');
      const previous = randomBytes(100_000);
      const stored = await storage.put(key, previous);
      const before = await subject.countStoredEntries();
      expect(await putUntilKilled(subject.options, key, 12 * MiB)).toBeGreaterThanOrEqual(12 * MiB);
      expect(await storage.stat(key)).toEqual(stored);
      expect((await storage.getBuffer(key)).equals(previous)).toBe(true);
      await storage.purgeIncompleteWrites(new Date(Date.now() + 60_000));
      expect(await subject.countStoredEntries()).toBe(before);
    });

    it('replaces an object on overwrite (a Buffer larger than a part first)', async () => {
      const key = newKey('overwrite');
      const first = randomBytes(9 * MiB);
      expect(await storage.put(key, first, { contentType: 'application/pdf' })).toMatchObject({
        sha256: sha256Hex(first),
      });
      expect((await storage.getBuffer(key)).equals(first)).toBe(true);
      const next = randomBytes(1234);
      await storage.put(key, next, { contentType: 'text/plain' });
      expect(await storage.stat(key)).toEqual({
        key,
        size: 1234,
        sha256: sha256Hex(next),
        contentType: 'text/plain',
      });
      expect((await storage.getBuffer(key)).equals(next)).toBe(true);
    });

    it('puts if absent: writes the first time, leaves the stored object alone after', async () => {
      const key = newKey('if-absent');
      const first = randomBytes(120_000);
      expect(await storage.putIfAbsent(key, first, { contentType: 'application/pdf' })).toBe(true);
      expect(await storage.putIfAbsent(key, randomBytes(10), { contentType: 'text/plain' })).toBe(false);
      expect(await storage.stat(key)).toEqual({
        key,
        size: first.length,
        sha256: sha256Hex(first),
        contentType: 'application/pdf',
      });
      expect((await storage.getBuffer(key)).equals(first)).toBe(true);
    });

    it('lists every stored key once, without writes in progress or deleted objects', async () => {
      const keys = [newKey('listed-a'), newKey('listed-b'), `${newKey('listed')}/deeper/c.pdf`];
      for (const key of keys) await storage.put(key, randomBytes(1000));
      const gone = newKey('listed-gone');
      await storage.put(gone, randomBytes(10));
      await storage.delete(gone);
      const listed: string[] = [];
      for await (const key of storage.list()) listed.push(key);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toEqual(expect.arrayContaining(keys));
      expect(listed).not.toContain(gone);
      expect(listed.every((k) => !k.includes('tmp'))).toBe(true);
    });

    it('records a SHA-256 the caller gives for a Buffer, and reads fail if it was wrong', async () => {
      const body = randomBytes(30_000);
      const key = newKey('given-hash');
      expect(await storage.put(key, body, { sha256: sha256Hex(body) })).toMatchObject({
        sha256: sha256Hex(body),
      });
      expect((await storage.getBuffer(key)).equals(body)).toBe(true);

      const lied = newKey('wrong-hash');
      await storage.put(lied, body, { sha256: sha256Hex(Buffer.from('other bytes')) });
      await expect(storage.getBuffer(lied)).rejects.toMatchObject({ code: 'STORAGE_OBJECT_CORRUPTED' });

      const malformed = newKey('malformed-hash');
      await expect(storage.put(malformed, body, { sha256: 'ABC' })).rejects.toThrow(TypeError);
      expect(await storage.exists(malformed)).toBe(false);
    });

    it('handles concurrent puts to different keys', async () => {
      const bodies = Array.from({ length: 8 }, (_, i) => randomBytes(200_000 + i * 1000));
      const keys = bodies.map((_, i) => newKey(`parallel-${i}`));
      await Promise.all(
        keys.map((key, i) => storage.put(key, i % 2 === 0 ? bodies[i] : Readable.from([bodies[i]]))),
      );
      for (const [i, key] of keys.entries()) {
        expect((await storage.getBuffer(key)).equals(bodies[i])).toBe(true);
      }
    });

    (options.sameKeyRaceUnsupported ? it.skip : it)(
      'keeps one whole version when puts to one key race',
      async () => {
        const bodies = Array.from({ length: 8 }, (_, i) => randomBytes(200_000 + i * 1000));
        const shared = newKey('contended');
        await Promise.all(
          bodies.map((body, i) => storage.put(shared, i % 2 === 0 ? body : Readable.from([body]))),
        );
        const winner = await storage.getBuffer(shared);
        expect(bodies.some((body) => body.equals(winner))).toBe(true);
        expect((await storage.stat(shared)).sha256).toBe(sha256Hex(winner));
      },
    );

    it('never purges published objects, and answers ping', async () => {
      const key = newKey('kept');
      await storage.put(key, Buffer.from('published'));
      await storage.purgeIncompleteWrites(new Date(Date.now() + 60_000));
      expect((await storage.getBuffer(key)).toString()).toBe('published');
      await expect(storage.ping()).resolves.toBeUndefined();
    });
  });
}
