import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startS3TestServer, type S3TestServer } from '../../../test/kit/s3-test-server';
import type { StoredObject } from './object-storage';
import type { StorageOptions } from './storage-options';

/*
 * Memory bound, not speed: a 200 MB object goes through `put` and then `get` while the RSS of the
 * process doing it is sampled; the growth over the level before the transfer must stay under 64 MB.
 * Each transfer runs in a fresh child process (measure-streaming.child.cjs): inside the long-lived
 * test process, memory freed by earlier tests is reused and would hide an adapter that buffers. The
 * S3 test server runs in a process of its own too. The last test proves the measurement would catch
 * an adapter that holds the object in memory.
 */
const MiB = 1024 * 1024;
const OBJECT_SIZE = 200 * MiB;
const LIMIT = 64 * MiB;
const TIMEOUT_MS = 300_000;
const CHILD = join(__dirname, 'testing', 'measure-streaming.child.cjs');

interface Measurement {
  growth: number;
  baseline: number;
  peak: number;
  stored: StoredObject;
  read: { size: number; sha256: string };
  expected: { size: number; sha256: string };
}

async function measureTransfer(
  adapter: string,
  options: StorageOptions,
  buffering = false,
): Promise<Measurement> {
  const input = JSON.stringify({ options, key: `stream/${adapter}.bin`, bytes: OBJECT_SIZE, buffering });
  const { stdout } = await promisify(execFile)(process.execPath, [CHILD, input], { maxBuffer: 1024 * 1024 });
  const result = JSON.parse(stdout) as Measurement;
  console.log(
    JSON.stringify({
      test: 'storage-streaming-memory',
      adapter,
      objectMiB: OBJECT_SIZE / MiB,
      baselineRssMiB: +(result.baseline / MiB).toFixed(1),
      peakRssMiB: +(result.peak / MiB).toFixed(1),
      rssGrowthMiB: +(result.growth / MiB).toFixed(1),
      limitMiB: LIMIT / MiB,
    }),
  );
  return result;
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
      const result = await measureTransfer('filesystem', { driver: 'filesystem', root: join(root, 'fs') });
      expect(result.stored).toMatchObject(result.expected);
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeLessThan(LIMIT);
    },
    TIMEOUT_MS,
  );

  it(
    'through the S3 adapter grows RSS by less than 64 MB',
    async () => {
      const { endPoint, port, useSSL, accessKey, secretKey } = server;
      const result = await measureTransfer('s3', {
        driver: 's3',
        endPoint,
        port,
        useSSL,
        accessKey,
        secretKey,
        bucket: 'vanthu-stream',
      });
      expect(result.stored).toMatchObject(result.expected);
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeLessThan(LIMIT);
    },
    TIMEOUT_MS,
  );

  it(
    'would catch an adapter that buffers the object',
    async () => {
      const result = await measureTransfer(
        'buffering-control',
        { driver: 'filesystem', root: join(root, 'buf') },
        true,
      );
      expect(result.read).toEqual(result.expected);
      expect(result.growth).toBeGreaterThan(LIMIT);
    },
    TIMEOUT_MS,
  );
});
