import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startS3TestServer, type S3TestServer } from '../../../test/kit/s3-test-server';
import { FilesystemObjectStorage } from './filesystem-object-storage';
import type { ObjectStorage, PutObjectOptions, StoredObject } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';
import { drain, generatedStream } from './testing/test-streams';

/*
 * Memory bound, not speed: a 200 MB object goes through `put` and then `get` while this process's
 * RSS is sampled; the growth over the level before the transfer must stay under 64 MB. The S3 test
 * server runs in a child process, so only the adapter's side is measured. The last test proves the
 * measurement would catch an adapter that holds the object in memory.
 * Most of the first transfer's growth is consumed chunks not yet collected (V8 collects Buffer
 * memory in steps of tens of MB) plus one-off warm-up; a second transfer in the same process grows
 * RSS by a few MB only.
 */
const MiB = 1024 * 1024;
const OBJECT_SIZE = 200 * MiB;
const LIMIT = 64 * MiB;
const TIMEOUT_MS = 300_000;

interface Measurement {
  stored: StoredObject;
  read: { size: number; sha256: string };
  expected: { size: number; sha256: string };
  growth: number;
}

async function measureTransfer(adapter: string, storage: ObjectStorage, key: string): Promise<Measurement> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 5);
  try {
    // 64 KiB chunks, like a socket or a file stream delivers them.
    const source = generatedStream(OBJECT_SIZE, 64 * 1024, sample);
    const stored = await storage.put(key, source.stream, { contentType: 'application/octet-stream' });
    const read = await drain(await storage.get(key), sample);
    sample();
    const growth = peak - baseline;
    console.log(
      JSON.stringify({
        test: 'storage-streaming-memory',
        adapter,
        objectMiB: OBJECT_SIZE / MiB,
        baselineRssMiB: +(baseline / MiB).toFixed(1),
        peakRssMiB: +(peak / MiB).toFixed(1),
        rssGrowthMiB: +(growth / MiB).toFixed(1),
        limitMiB: LIMIT / MiB,
      }),
    );
    return { stored, read: { size: read.size, sha256: read.sha256 }, expected: source.produced(), growth };
  } finally {
    clearInterval(timer);
  }
}

/** A deliberately wrong adapter: collects the whole body before handing it on. */
class BufferingStorage extends FilesystemObjectStorage {
  override async put(
    key: string,
    body: Buffer | Readable,
    options?: PutObjectOptions,
  ): Promise<StoredObject> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return super.put(key, Readable.from(chunks), options);
  }
}

describe('streaming a 200 MB object', () => {
  let root: string;
  let server: S3TestServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vanthu-stream-'));
    server = await startS3TestServer();
  });
  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it(
    'through the filesystem adapter grows RSS by less than 64 MB',
    async () => {
      const storage = new FilesystemObjectStorage({ root: join(root, 'fs') });
      const result = await measureTransfer('filesystem', storage, 'stream/fs.bin');
      expect(result.stored).toMatchObject(result.expected);
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeLessThan(LIMIT);
      await storage.delete('stream/fs.bin');
    },
    TIMEOUT_MS,
  );

  it(
    'through the S3 adapter grows RSS by less than 64 MB',
    async () => {
      const { endPoint, port, useSSL, accessKey, secretKey } = server;
      const storage = new S3ObjectStorage({
        endPoint,
        port,
        useSSL,
        accessKey,
        secretKey,
        bucket: 'vanthu-stream',
      });
      await storage.init();
      const result = await measureTransfer('s3', storage, 'stream/s3.bin');
      expect(result.stored).toMatchObject(result.expected);
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeLessThan(LIMIT);
      await storage.delete('stream/s3.bin');
    },
    TIMEOUT_MS,
  );

  // Runs last: what it allocates would blur the measurements above.
  it(
    'would catch an adapter that buffers the object',
    async () => {
      const storage = new BufferingStorage({ root: join(root, 'buffering') });
      const result = await measureTransfer('buffering-control', storage, 'stream/buffered.bin');
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeGreaterThan(LIMIT);
    },
    TIMEOUT_MS,
  );
});
