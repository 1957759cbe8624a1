import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { Client, CopyDestinationOptions, CopySourceOptions } from 'minio';
import { bodyChunks } from './body-chunks';
import { knownSha256 } from './known-sha256';
import { verifyWhileReading } from './checksum-verifying-stream';
import { DEFAULT_CONTENT_TYPE, normalizeContentType } from './content-type';
import { assertValidObjectKey } from './object-key';
import { ObjectStorage, type PutObjectOptions, type StoredObject } from './object-storage';
import { mapS3Error } from './s3-error-mapping';
import { META_SHA256, META_SIZE, metadataFor, recordedFromHeaders } from './s3-object-metadata';
import { S3_TEMPORARY_PREFIX, S3TemporaryUpload } from './s3-temporary-upload';
import { objectTooLarge, storageUnavailable } from './storage-errors';

export interface S3ObjectStorageOptions {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region?: string;
}

const PART_SIZE = 8 * 1024 * 1024;
// A server-side copy publishes streamed writes, and S3 copies at most 5 GiB in one request.
const MAX_STREAMED_SIZE = 5 * 1024 * 1024 * 1024;
const PING_TIMEOUT_MS = 5_000;

/**
 * Objects in one S3/MinIO bucket, with their SHA-256 and size as user metadata
 * (`x-amz-meta-sha256`, `x-amz-meta-size`) written in the same request that makes them visible.
 *
 * Atomicity comes from S3 itself: an object appears only when its PUT, CompleteMultipartUpload or
 * CopyObject succeeds. The checksum is only known once every byte has passed, though, so:
 * - a body that ends within the first 8 MiB is hashed first and sent in one PUT that carries the
 *   metadata (the usual case for documents: no extra copy);
 * - a longer body goes in 8 MiB parts to a temporary key (`~tmp/<uuid>`, which no valid key can
 *   name), is then copied server-side to the final key with the metadata, and the temporary is
 *   deleted. Memory stays at one part per write; a crash leaves only a temporary.
 */
export class S3ObjectStorage extends ObjectStorage {
  private readonly client: Client;
  private readonly bucket: string;
  private readonly region: string;
  private bucketReady: Promise<void> | undefined;

  constructor(options: S3ObjectStorageOptions) {
    super();
    this.bucket = options.bucket;
    this.region = options.region ?? 'us-east-1';
    this.client = new Client({
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      region: this.region,
    });
  }

  init(): Promise<void> {
    this.bucketReady ??= this.ensureBucket().catch((error: unknown) => {
      this.bucketReady = undefined;
      throw mapS3Error(error);
    });
    return this.bucketReady;
  }

  async put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<StoredObject> {
    assertValidObjectKey(key);
    const contentType = normalizeContentType(options?.contentType);
    await this.init();
    // Larger Buffers take the streamed path below: minio's own multipart upload for them would try
    // to resume any unfinished upload it finds for the same key.
    if (Buffer.isBuffer(body) && body.length <= PART_SIZE) {
      const stored = { key, size: body.length, sha256: knownSha256(body, options), contentType };
      await this.putWhole(stored, body);
      return stored;
    }

    const part = Buffer.allocUnsafe(PART_SIZE);
    let filled = 0;
    let upload: S3TemporaryUpload | undefined;
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of bodyChunks(body)) {
        hash.update(chunk);
        size += chunk.length;
        if (size > MAX_STREAMED_SIZE) throw objectTooLarge(key, MAX_STREAMED_SIZE);
        for (let rest = chunk; rest.length > 0;) {
          const copied = rest.copy(part, filled);
          filled += copied;
          rest = rest.subarray(copied);
          if (filled === PART_SIZE) {
            const current = (upload ??= new S3TemporaryUpload(this.client, this.bucket, contentType));
            await this.s3(() => current.sendPart(part));
            filled = 0;
          }
        }
      }
      const stored = { key, size, sha256: hash.digest('hex'), contentType };
      if (!upload) {
        await this.putWhole(stored, part.subarray(0, filled));
        return stored;
      }
      const temporary = upload;
      if (filled > 0) await this.s3(() => temporary.sendPart(part.subarray(0, filled)));
      await this.s3(() => temporary.complete());
      await this.s3(() => this.publishCopy(temporary.key, stored));
      return stored;
    } finally {
      await upload?.discard();
    }
  }

  async get(key: string): Promise<Readable> {
    assertValidObjectKey(key);
    await this.init();
    // One GET gives bytes and metadata together, so an overwrite in between cannot mix versions.
    const response = (await this.s3(
      () =>
        this.client.makeRequestAsync({ method: 'GET', bucketName: this.bucket, objectName: key }, '', [200]),
      key,
    )) as IncomingMessage;
    try {
      return verifyWhileReading(response, recordedFromHeaders(key, response.headers));
    } catch (error) {
      response.destroy();
      throw error;
    }
  }

  async stat(key: string): Promise<StoredObject> {
    assertValidObjectKey(key);
    await this.init();
    const info = await this.s3(() => this.client.statObject(this.bucket, key), key);
    const meta = info.metaData as Record<string, string | number | undefined>;
    return recordedFromHeaders(key, {
      [`x-amz-meta-${META_SHA256}`]: asString(meta[META_SHA256]),
      [`x-amz-meta-${META_SIZE}`]: asString(meta[META_SIZE]),
      'content-length': String(info.size),
      'content-type': asString(meta['content-type']),
    });
  }

  async exists(key: string): Promise<boolean> {
    assertValidObjectKey(key);
    await this.init();
    try {
      await this.client.statObject(this.bucket, key);
      return true;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'NotFound' || code === 'NoSuchKey') return false;
      throw mapS3Error(error, key);
    }
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await this.init();
    await this.s3(() => this.client.removeObject(this.bucket, key));
  }

  async *list(): AsyncIterable<string> {
    await this.init();
    for await (const item of this.client.listObjectsV2(this.bucket, '', true)) {
      const name = (item as { name?: string }).name;
      if (name && !name.startsWith(S3_TEMPORARY_PREFIX)) yield name;
    }
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(storageUnavailable('timeout')), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.checkBucket(), timeout]);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      throw code === 'STORAGE_UNAVAILABLE'
        ? error
        : storageUnavailable(typeof code === 'string' ? code : 'error');
    } finally {
      clearTimeout(timer);
    }
  }

  async purgeIncompleteWrites(olderThan: Date): Promise<number> {
    await this.init();
    const stale: string[] = [];
    for await (const item of this.client.listObjectsV2(this.bucket, S3_TEMPORARY_PREFIX, true)) {
      const { name, lastModified } = item as { name?: string; lastModified?: Date };
      if (name && lastModified && lastModified < olderThan) stale.push(name);
    }
    for (const name of stale) await this.s3(() => this.client.removeObject(this.bucket, name));
    return stale.length;
  }

  async close(): Promise<void> {
    // The minio client keeps no connection that needs closing (sockets come from Node's agent).
  }

  private async ensureBucket(): Promise<void> {
    if (await this.client.bucketExists(this.bucket)) return;
    try {
      await this.client.makeBucket(this.bucket, this.region);
    } catch (error) {
      // Another node created it meanwhile.
      if ((error as { code?: unknown } | null)?.code !== 'BucketAlreadyOwnedByYou') throw error;
    }
  }

  private async checkBucket(): Promise<void> {
    await this.init();
    if (!(await this.s3(() => this.client.bucketExists(this.bucket)))) {
      throw storageUnavailable('bucket missing');
    }
  }

  private async putWhole(stored: StoredObject, bytes: Buffer): Promise<void> {
    await this.s3(() =>
      this.client.putObject(this.bucket, stored.key, bytes, bytes.length, {
        'Content-Type': stored.contentType ?? DEFAULT_CONTENT_TYPE,
        ...metadataFor(stored),
      }),
    );
  }

  private async publishCopy(temporaryKey: string, stored: StoredObject): Promise<void> {
    await this.client.copyObject(
      new CopySourceOptions({ Bucket: this.bucket, Object: temporaryKey }),
      new CopyDestinationOptions({
        Bucket: this.bucket,
        Object: stored.key,
        MetadataDirective: 'REPLACE',
        UserMetadata: metadataFor(stored),
        Headers: { 'Content-Type': stored.contentType ?? DEFAULT_CONTENT_TYPE },
      }),
    );
  }

  /** Runs one minio call, translating its errors (see mapS3Error). */
  private async s3<T>(call: () => Promise<T>, key?: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw mapS3Error(error, key);
    }
  }
}

function asString(value: string | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
