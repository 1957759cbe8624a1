import type { Readable } from 'node:stream';

/** What the store knows about one object. */
export interface StoredObject {
  key: string;
  /** Bytes. */
  size: number;
  /** SHA-256 of the bytes, lower-case hex, computed while they were written. */
  sha256: string;
  /** `application/octet-stream` when none was given at `put`. */
  contentType?: string;
}

export interface PutObjectOptions {
  contentType?: string;
  /**
   * The SHA-256 (lower-case hex) of a Buffer body, when the caller has just computed it (a
   * content-addressed key): recorded instead of hashing the bytes a second time. A wrong value
   * makes every read of the object fail with STORAGE_OBJECT_CORRUPTED. Adapters that hash while
   * streaming (streams, large Buffers) may compute it anyway.
   */
  sha256?: string;
}

/**
 * Object storage port. Every adapter guarantees:
 * - `put` is atomic: readers see the previous object (or none) until the new one is complete, and a
 *   failed or crashed write never leaves a partial object under the key;
 * - the SHA-256 and size are computed while writing and recorded with the object;
 * - reads verify them while streaming: a mismatch destroys the stream with STORAGE_OBJECT_CORRUPTED
 *   and the last chunk is held back until verified, so a corrupted object is never delivered whole.
 * Keys are checked by `assertValidObjectKey` (STORAGE_KEY_INVALID).
 */
export abstract class ObjectStorage {
  /** Prepares the backend (directories, bucket). Idempotent; the other methods call it when needed. */
  abstract init(): Promise<void>;

  /** Stores `body` under `key`, replacing any previous object once the new one is complete. */
  abstract put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<StoredObject>;

  /**
   * Stores `body` under `key` unless an object is there already, for keys that name their content
   * (the same key always holds the same bytes). Returns whether it wrote.
   */
  async putIfAbsent(key: string, body: Buffer, options?: PutObjectOptions): Promise<boolean> {
    if (await this.exists(key)) return false;
    await this.put(key, body, options);
    return true;
  }

  /**
   * The object's bytes as a stream that verifies them as they pass; throws STORAGE_OBJECT_NOT_FOUND
   * at once, and STORAGE_OBJECT_CORRUPTED at once when the recorded checksum itself is missing.
   */
  abstract get(key: string): Promise<Readable>;

  /** The whole object, returned only once verified. For small objects: it is held in memory. */
  async getBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.get(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Recorded size, checksum and content type; STORAGE_OBJECT_NOT_FOUND when absent. */
  abstract stat(key: string): Promise<StoredObject>;

  abstract exists(key: string): Promise<boolean>;

  /**
   * Every stored object's key, in no particular order (writes in progress are not objects yet).
   * Objects written while the listing runs may or may not appear.
   */
  abstract list(): AsyncIterable<string>;

  /** Removes the object; removing an absent object succeeds. */
  abstract delete(key: string): Promise<void>;

  /** Throws STORAGE_UNAVAILABLE unless the backend can be used right now (readiness probe). */
  abstract ping(): Promise<void>;

  /**
   * Removes temporaries left by writes that crashed before `olderThan` (writes still running are
   * younger). Returns how many were removed.
   */
  abstract purgeIncompleteWrites(olderThan: Date): Promise<number>;

  /** Releases connections or handles, if the adapter holds any. */
  abstract close(): Promise<void>;
}
