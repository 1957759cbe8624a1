import { randomBytes } from 'node:crypto';
import { startS3TestServer, type S3TestServer } from '../../../test/kit/s3-test-server';
import { freePort } from '../../../test/kit/free-port';
import { Client } from 'minio';
import { S3ObjectStorage, type S3ObjectStorageOptions } from './s3-object-storage';
import { describeObjectStorageContract } from './testing/object-storage.contract';
import { generatedStream } from './testing/test-streams';

function rawClient(server: S3TestServer): Client {
  return new Client({
    endPoint: server.endPoint,
    port: server.port,
    useSSL: false,
    accessKey: server.accessKey,
    secretKey: server.secretKey,
    region: 'us-east-1',
  });
}

function optionsFor(server: S3TestServer, bucket: string): S3ObjectStorageOptions {
  const { endPoint, port, useSSL, accessKey, secretKey } = server;
  return { endPoint, port, useSSL, accessKey, secretKey, bucket };
}

async function listKeys(client: Client, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const item of client.listObjectsV2(bucket, prefix, true)) {
    const name = (item as { name?: string }).name;
    if (name) keys.push(name);
  }
  return keys;
}

async function readRaw(client: Client, bucket: string, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await client.getObject(bucket, key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describeObjectStorageContract(
  'S3ObjectStorage on s3rver',
  async () => {
    const server = await startS3TestServer();
    const bucket = 'vanthu-contract';
    const client = rawClient(server);
    const options = optionsFor(server, bucket);
    return {
      storage: new S3ObjectStorage(options),
      options: { driver: 's3', ...options },
      async flipStoredByte(key, offset) {
        // Bit rot as the server would store it: same metadata, one byte different.
        const { metaData } = await client.statObject(bucket, key);
        const bytes = await readRaw(client, bucket, key);
        bytes[offset] ^= 0xff;
        await client.putObject(bucket, key, bytes, bytes.length, metaData);
      },
      async storeUnrecorded(key, bytes) {
        await client.putObject(bucket, key, bytes, bytes.length, { 'Content-Type': 'application/pdf' });
      },
      countStoredEntries: async () => (await listKeys(client, bucket)).length,
      dispose: () => server.stop(),
    };
  },
  {
    // s3rver writes an object's bytes and its metadata as two separate files, so racing PUTs to one
    // key can leave one PUT's bytes with another's metadata (which our reads then report as
    // corrupted). S3 and MinIO replace an object atomically per request.
    sameKeyRaceUnsupported: 's3rver does not replace objects atomically',
  },
);

describe('S3ObjectStorage specifics', () => {
  let server: S3TestServer;
  let client: Client;

  beforeAll(async () => {
    server = await startS3TestServer();
    client = rawClient(server);
  });
  afterAll(() => server?.stop());

  it('creates its bucket when missing, also under concurrent first calls', async () => {
    expect(await client.bucketExists('vanthu-created')).toBe(false);
    const storage = new S3ObjectStorage(optionsFor(server, 'vanthu-created'));
    await Promise.all([storage.put('a', Buffer.from('a')), storage.put('b', Buffer.from('b'))]);
    expect(await client.bucketExists('vanthu-created')).toBe(true);
    expect((await listKeys(client, 'vanthu-created')).sort()).toEqual(['a', 'b']);
  });

  it('records checksum and size as object metadata and publishes streams without leftovers', async () => {
    const storage = new S3ObjectStorage(optionsFor(server, 'vanthu-meta'));
    const source = generatedStream(17 * 1024 * 1024);
    const stored = await storage.put('big/object.bin', source.stream, { contentType: 'application/pdf' });
    const { size, metaData } = await client.statObject('vanthu-meta', 'big/object.bin');
    expect(size).toBe(stored.size);
    expect(metaData).toMatchObject({
      sha256: stored.sha256,
      size: String(stored.size),
      'content-type': 'application/pdf',
    });
    expect(await listKeys(client, 'vanthu-meta')).toEqual(['big/object.bin']);
  });

  it('detects an object whose recorded size disagrees with its length', async () => {
    const storage = new S3ObjectStorage(optionsFor(server, 'vanthu-size'));
    const stored = await storage.put('k', randomBytes(5000));
    const shorter = randomBytes(4000);
    await client.putObject('vanthu-size', 'k', shorter, shorter.length, {
      sha256: stored.sha256,
      size: '5000',
    });
    await expect(storage.get('k')).rejects.toMatchObject({ code: 'STORAGE_OBJECT_CORRUPTED' });
    await expect(storage.stat('k')).rejects.toMatchObject({ code: 'STORAGE_OBJECT_CORRUPTED' });
  });

  it('purges stale temporaries only', async () => {
    const storage = new S3ObjectStorage(optionsFor(server, 'vanthu-purge'));
    await storage.put('kept', Buffer.from('kept'));
    await client.putObject('vanthu-purge', '~tmp/left-by-a-crash', Buffer.from('partial'));
    expect(await storage.purgeIncompleteWrites(new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await storage.purgeIncompleteWrites(new Date(Date.now() + 60_000))).toBe(1);
    expect(await listKeys(client, 'vanthu-purge')).toEqual(['kept']);
  });

  it('fails ping and calls with STORAGE_UNAVAILABLE when the server is unreachable', async () => {
    const nobody = new S3ObjectStorage({ ...optionsFor(server, 'vanthu-none'), port: await freePort() });
    const unavailable = { code: 'STORAGE_UNAVAILABLE', status: 503 };
    await expect(nobody.ping()).rejects.toMatchObject(unavailable);
    await expect(nobody.put('k', Buffer.from('x'))).rejects.toMatchObject(unavailable);
    // s3rver checks the access key only (any secret passes), which is enough to see the mapping.
    const stranger = new S3ObjectStorage({ ...optionsFor(server, 'vanthu-none'), accessKey: 'NOBODY' });
    await expect(stranger.ping()).rejects.toMatchObject(unavailable);
  });
});
