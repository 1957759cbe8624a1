/**
 * Throughput of streaming one large object through each ObjectStorage adapter: `put` from a
 * generated stream, then a verified `get`. Prints one JSON line per adapter and direction.
 * Size in MiB from argv[2] (default 256). The S3 adapter runs against s3rver on loopback, so its
 * figures say more about s3rver than about MinIO; they are there to spot regressions in our path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStorage, S3ObjectStorage, type ObjectStorage } from '../libs/storage/src';
import { drain, generatedStream } from '../libs/storage/src/testing/test-streams';
import { startS3TestServer } from '../test/kit/s3-test-server';

const MiB = 1024 * 1024;

async function run(adapter: string, storage: ObjectStorage, bytes: number): Promise<void> {
  await storage.init();
  const key = `bench/${adapter}.bin`;
  const source = generatedStream(bytes, 64 * 1024);
  const putStart = process.hrtime.bigint();
  const stored = await storage.put(key, source.stream);
  const putSeconds = Number(process.hrtime.bigint() - putStart) / 1e9;
  const getStart = process.hrtime.bigint();
  const read = await drain(await storage.get(key));
  const getSeconds = Number(process.hrtime.bigint() - getStart) / 1e9;
  if (read.sha256 !== stored.sha256 || read.size !== bytes) throw new Error(`${adapter}: read back differs`);
  for (const [op, seconds] of [
    ['put', putSeconds],
    ['get', getSeconds],
  ] as const) {
    console.log(
      // one result per line, the project's benchmark format: { name, value, unit }
      JSON.stringify({
        name: `storage_${adapter}_${op}_mib_per_s`,
        value: +(bytes / MiB / seconds).toFixed(1),
        unit: `MiB/s (${bytes / MiB} MiB object)`,
      }),
    );
  }
  await storage.delete(key);
}

async function main(): Promise<void> {
  const bytes = Number(process.argv[2] ?? 256) * MiB;
  const root = await mkdtemp(join(tmpdir(), 'vanthu-bench-storage-'));
  const server = await startS3TestServer();
  try {
    await run('filesystem', new FilesystemObjectStorage({ root }), bytes);
    const { endPoint, port, useSSL, accessKey, secretKey } = server;
    await run(
      's3',
      new S3ObjectStorage({ endPoint, port, useSSL, accessKey, secretKey, bucket: 'vanthu-bench' }),
      bytes,
    );
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
