import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { bodyChunks } from './body-chunks';
import { verifyWhileReading } from './checksum-verifying-stream';
import { normalizeContentType } from './content-type';
import { DIRECTORY_SYNC_UNSUPPORTED, FileWriterPool } from './file-writer-pool';
import { encodeTrailer, readExactly, readTrailer, trailerOf } from './filesystem-object-trailer';
import { knownSha256 } from './known-sha256';
import { assertValidObjectKey } from './object-key';
import { ObjectStorage, type PutObjectOptions, type StoredObject } from './object-storage';
import { objectCorrupted, objectNotFound, storageUnavailable } from './storage-errors';

export interface FilesystemObjectStorageOptions {
  root: string;
  /** Threads that write objects given as a Buffer (default 4, started as the load needs them). */
  writerThreads?: number;
}

const READ_CHUNK = 256 * 1024;
/** Objects up to this size are read whole by getBuffer: one read and one hash instead of a stream. */
const WHOLE_READ_MAX = 1024 * 1024;
/**
 * Buffers up to this size go to a writer thread, which gets a copy of them; larger ones (a signed
 * 50 MB scan) are written from where they are, chunk by chunk, rather than copied whole.
 */
const THREAD_WRITE_MAX = 8 * 1024 * 1024;

/**
 * Objects as files under `root`:
 * - `<root>/<h[0..2]>/<h>.obj` where h = sha256(key): the bytes followed by a metadata trailer
 *   (filesystem-object-trailer.ts). Hashing the key gives a fixed depth, no file/directory clash
 *   between `a` and `a/b`, no name-length limits and no case folding trouble on macOS or Windows;
 *   the trailer keeps the key, so a file can always be traced back.
 * - `<root>/tmp/<uuid>.part`: writes in progress, on the same filesystem so that publishing is a
 *   rename. A crash leaves only such a file, which readers never look at and
 *   `purgeIncompleteWrites` removes.
 * A write is: temporary file → bytes and trailer → fsync → rename over the final name → fsync of
 * the directory. A Buffer of up to 8 MiB is written so by a writer thread in one go
 * (FileWriterPool); a stream or a larger Buffer goes through fs/promises chunk by chunk. Readers
 * open the file once and read bytes and trailer through that one handle, so a concurrent
 * overwrite or delete cannot mix two versions.
 */
export class FilesystemObjectStorage extends ObjectStorage {
  private readonly root: string;
  private readonly tempDir: string;
  private readonly writers: FileWriterPool;
  private prepared: Promise<void> | undefined;

  constructor(options: FilesystemObjectStorageOptions) {
    super();
    this.root = resolve(options.root);
    this.tempDir = join(this.root, 'tmp');
    this.writers = new FileWriterPool(options.writerThreads ?? 4);
  }

  init(): Promise<void> {
    this.prepared ??= mkdir(this.tempDir, { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        this.prepared = undefined;
        throw error;
      },
    );
    return this.prepared;
  }

  /** The file holding `key` (its bytes, then the metadata trailer); for operators and tests. */
  pathOf(key: string): string {
    assertValidObjectKey(key);
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    return join(this.root, hash.slice(0, 2), `${hash}.obj`);
  }

  async put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<StoredObject> {
    if (Buffer.isBuffer(body) && body.length <= THREAD_WRITE_MAX)
      return (await this.writeWhole(key, body, options, false)).stored;
    const finalPath = this.pathOf(key);
    const contentType = normalizeContentType(options?.contentType);
    await this.init();
    const tempPath = join(this.tempDir, `${randomUUID()}.part`);
    try {
      const stored = await this.writeTemporary(tempPath, key, body, contentType);
      await mkdir(dirname(finalPath), { recursive: true });
      await rename(tempPath, finalPath);
      await syncDirectory(dirname(finalPath));
      return stored;
    } catch (error) {
      await rm(tempPath, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  override async putIfAbsent(key: string, body: Buffer, options?: PutObjectOptions): Promise<boolean> {
    if (body.length > THREAD_WRITE_MAX) return super.putIfAbsent(key, body, options);
    return (await this.writeWhole(key, body, options, true)).written;
  }

  async get(key: string): Promise<Readable> {
    const handle = await this.openObject(key);
    try {
      const trailer = await readTrailer(handle, key);
      let source: Readable;
      if (trailer.size === 0) {
        await handle.close();
        source = Readable.from([]);
      } else {
        // Closes the handle when it ends or is destroyed.
        source = handle.createReadStream({ start: 0, end: trailer.size - 1, highWaterMark: READ_CHUNK });
      }
      return verifyWhileReading(source, trailer);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  /**
   * A small object (the usual package or status) in one read of its file: trailer checked, bytes
   * hashed once, returned only when they match. Larger ones stream as `get` does.
   */
  override async getBuffer(key: string): Promise<Buffer> {
    const handle = await this.openObject(key);
    let file: Buffer | null = null;
    try {
      const { size } = await handle.stat();
      if (size <= WHOLE_READ_MAX) file = await readExactly(handle, key, size, 0);
    } finally {
      // a read-only handle: failing to close it must not hide what the read found
      await handle.close().catch(() => undefined);
    }
    if (!file) return super.getBuffer(key);
    const trailer = trailerOf(file, key);
    const bytes = file.subarray(0, trailer.size);
    if (createHash('sha256').update(bytes).digest('hex') !== trailer.sha256)
      throw objectCorrupted(key, 'checksum mismatch');
    return bytes;
  }

  async stat(key: string): Promise<StoredObject> {
    const handle = await this.openObject(key);
    try {
      const { size, sha256, contentType } = await readTrailer(handle, key);
      return { key, size, sha256, contentType };
    } finally {
      await handle.close();
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key), constants.F_OK);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * Reads the key from each file's trailer. A file without a readable trailer, or whose name is not
   * its key's hash, names no object and is skipped (reading such an object by its key fails loudly).
   */
  async *list(): AsyncIterable<string> {
    await this.init();
    for (const dir of (await readdir(this.root)).filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
      for (const name of (await readdir(join(this.root, dir))).filter((n) => n.endsWith('.obj')).sort()) {
        const path = join(this.root, dir, name);
        let handle: FileHandle;
        try {
          handle = await open(path, 'r');
        } catch (error) {
          if (errorCode(error) === 'ENOENT') continue; // deleted meanwhile
          throw error;
        }
        const key = await readTrailer(handle, null)
          .then((trailer) => (this.pathOf(trailer.key) === path ? trailer.key : undefined))
          .catch(() => undefined);
        await handle.close();
        if (key !== undefined) yield key;
      }
    }
  }

  async ping(): Promise<void> {
    try {
      await this.init();
      await access(this.root, constants.R_OK | constants.W_OK);
      await access(this.tempDir, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw storageUnavailable(errorCode(error) ?? 'filesystem error');
    }
  }

  async purgeIncompleteWrites(olderThan: Date): Promise<number> {
    await this.init();
    let removed = 0;
    for (const name of await readdir(this.tempDir)) {
      const path = join(this.tempDir, name);
      const info = await lstat(path).catch(() => undefined);
      if (info && info.mtime < olderThan) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  /** Stops the writer threads (new writes start them again). */
  async close(): Promise<void> {
    await this.writers.close();
  }

  private async writeWhole(
    key: string,
    body: Buffer,
    options: PutObjectOptions | undefined,
    ifAbsent: boolean,
  ): Promise<{ stored: StoredObject; written: boolean }> {
    const finalPath = this.pathOf(key);
    const stored = {
      key,
      size: body.length,
      sha256: knownSha256(body, options),
      contentType: normalizeContentType(options?.contentType),
    };
    await this.init();
    const written = await this.writers.write({
      tempPath: join(this.tempDir, `${randomUUID()}.part`),
      finalPath,
      parts: [body, encodeTrailer(stored)],
      ifAbsent,
    });
    return { stored, written };
  }

  private async writeTemporary(
    tempPath: string,
    key: string,
    body: Buffer | Readable,
    contentType: string,
  ): Promise<StoredObject> {
    const handle = await open(tempPath, 'wx', 0o640);
    try {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of bodyChunks(body)) {
        const writing = writeAll(handle, chunk);
        hash.update(chunk);
        size += chunk.length;
        await writing;
      }
      const stored = { key, size, sha256: hash.digest('hex'), contentType };
      await writeAll(handle, encodeTrailer(stored));
      await handle.sync();
      return stored;
    } finally {
      await handle.close();
    }
  }

  private async openObject(key: string): Promise<FileHandle> {
    try {
      return await open(this.pathOf(key), 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw objectNotFound(key);
      throw error;
    }
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Makes a rename in `dir` durable; platforms that cannot fsync a directory are skipped. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!DIRECTORY_SYNC_UNSUPPORTED.includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
