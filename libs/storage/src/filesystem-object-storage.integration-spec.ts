import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FilesystemObjectStorage } from './filesystem-object-storage';
import { describeObjectStorageContract } from './testing/object-storage.contract';
import { drain, sha256Hex } from './testing/test-streams';

async function countFiles(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

async function newRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vanthu-fs-storage-'));
}

describeObjectStorageContract('FilesystemObjectStorage', async () => {
  const root = await newRoot();
  const storage = new FilesystemObjectStorage({ root });
  return {
    storage,
    options: { driver: 'filesystem', root },
    async flipStoredByte(key, offset) {
      const handle = await open(storage.pathOf(key), 'r+');
      try {
        const byte = Buffer.alloc(1);
        await handle.read(byte, 0, 1, offset);
        byte[0] ^= 0xff;
        await handle.write(byte, 0, 1, offset);
      } finally {
        await handle.close();
      }
    },
    async storeUnrecorded(key, bytes) {
      await mkdir(dirname(storage.pathOf(key)), { recursive: true });
      await writeFile(storage.pathOf(key), bytes);
    },
    countStoredEntries: () => countFiles(root),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
});

describe('FilesystemObjectStorage specifics', () => {
  let root: string;
  let storage: FilesystemObjectStorage;

  beforeEach(async () => {
    root = await newRoot();
    storage = new FilesystemObjectStorage({ root });
  });
  afterEach(async () => {
    await storage.close();
    await rm(root, { recursive: true, force: true });
  });

  it('stores the bytes first in the file, so an operator can still recover them', async () => {
    const body = randomBytes(5000);
    await storage.put('a/b.pdf', body);
    const file = await readFile(storage.pathOf('a/b.pdf'));
    expect(file.subarray(0, body.length).equals(body)).toBe(true);
    expect(file.subarray(body.length).toString('utf8')).toContain(sha256Hex(body));
  });

  it('keeps keys that are prefixes of each other apart', async () => {
    await storage.put('a', Buffer.from('file a'));
    await storage.put('a/b', Buffer.from('file a/b'));
    expect((await storage.getBuffer('a')).toString()).toBe('file a');
    expect((await storage.getBuffer('a/b')).toString()).toBe('file a/b');
  });

  it('detects a truncated object', async () => {
    await storage.put('k', randomBytes(10_000));
    const handle = await open(storage.pathOf('k'), 'r+');
    await handle.truncate(9_000);
    await handle.close();
    await expect(storage.stat('k')).rejects.toMatchObject({ code: 'STORAGE_OBJECT_CORRUPTED' });
    await expect(storage.getBuffer('k')).rejects.toMatchObject({ code: 'STORAGE_OBJECT_CORRUPTED' });
  });

  it('reads the version it opened even if the key is overwritten or deleted meanwhile', async () => {
    const first = randomBytes(2 * 1024 * 1024);
    await storage.put('doc', first);
    const reading = await storage.get('doc');
    await storage.put('doc', randomBytes(1000));
    await storage.delete('doc');
    expect(await drain(reading)).toMatchObject({ size: first.length, sha256: sha256Hex(first) });
  });

  it('ignores leftovers of crashed writes and purges only the stale ones', async () => {
    await storage.put('kept', Buffer.from('kept'));
    const stale = join(root, 'tmp', 'crashed.part');
    const fresh = join(root, 'tmp', 'in-progress.part');
    await writeFile(stale, randomBytes(1000));
    await writeFile(fresh, randomBytes(1000));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(stale, anHourAgo, anHourAgo);

    expect(await storage.exists('crashed')).toBe(false);
    expect(await storage.purgeIncompleteWrites(new Date(Date.now() - 60_000))).toBe(1);
    expect((await readdir(join(root, 'tmp'))).sort()).toEqual(['in-progress.part']);
    expect((await storage.getBuffer('kept')).toString()).toBe('kept');
  });

  it('stores only the bytes of a Buffer that is a view into a larger one', async () => {
    const whole = randomBytes(300_000);
    const view = whole.subarray(1000, 101_000);
    expect(await storage.put('view', view)).toMatchObject({ size: 100_000, sha256: sha256Hex(view) });
    expect((await storage.getBuffer('view')).equals(view)).toBe(true);
  });

  it('writes a Buffer over 8 MiB in place of the writer thread, putIfAbsent included', async () => {
    const big = randomBytes(9 * 1024 * 1024);
    expect(await storage.putIfAbsent('big', big, { sha256: sha256Hex(big) })).toBe(true);
    expect(await storage.putIfAbsent('big', randomBytes(10))).toBe(false);
    expect(await storage.stat('big')).toMatchObject({ size: big.length, sha256: sha256Hex(big) });
    expect((await storage.getBuffer('big')).equals(big)).toBe(true);
  });

  it('reports a failed write with its system error and leaves no temporary file', async () => {
    // the object's directory is taken by a plain file: the writer thread cannot publish there
    const target = storage.pathOf('blocked');
    await mkdir(root, { recursive: true });
    await writeFile(dirname(target), 'not a directory');
    await expect(storage.put('blocked', randomBytes(50_000))).rejects.toMatchObject({
      code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/),
      syscall: expect.any(String),
    });
    await expect(storage.putIfAbsent('blocked', randomBytes(10))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
    // the storage goes on working for other keys
    await storage.put('fine', Buffer.from('fine'));
    expect((await storage.getBuffer('fine')).toString()).toBe('fine');
  });

  it('fails ping with STORAGE_UNAVAILABLE when the root cannot be used', async () => {
    const blocker = join(root, 'not-a-directory');
    await writeFile(blocker, 'x');
    const broken = new FilesystemObjectStorage({ root: blocker });
    await expect(broken.ping()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
    await expect(storage.ping()).resolves.toBeUndefined();
  });
});
