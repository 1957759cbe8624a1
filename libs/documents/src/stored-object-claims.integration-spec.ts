import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { SystemClock } from '@vanthu/shared';
import {
  createObjectStorage,
  ObjectStorage,
  type PutObjectOptions,
  type StorageOptions,
  type StoredObject as StorageStat,
} from '@vanthu/storage';
import {
  createTestDatabase,
  insertAgency,
  listStoredObjects,
  startS3TestServer,
  type S3TestServer,
  type TestDatabase,
} from '@vanthu/test-kit';
import { DocumentStore, storageKeyOf, type StoredObject } from './document-store';
import { DocumentVersionRepository } from './document-version.repository';
import { StoredObjectClaimRepository } from './stored-object-claim.repository';
import { StoredObjectSweeper } from './stored-object-sweeper';
import { storeThenDie } from './testing/store-then-die';

/**
 * The real storage with a gate in front of `delete`: a test holds a release in the middle of
 * deleting (its check done, its key locked) to run another request exactly then.
 */
class GatedStorage extends ObjectStorage {
  private gate: { reached: () => void; opened: Promise<void> } | undefined;

  constructor(private readonly inner: ObjectStorage) {
    super();
  }

  /** The next delete waits until `open` is called; resolves `reached` when it starts waiting. */
  holdNextDelete(): { reached: Promise<void>; open: () => void } {
    let reached!: () => void;
    let open!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.gate = { reached, opened: new Promise<void>((resolve) => (open = resolve)) };
    return { reached: reachedPromise, open };
  }

  async delete(key: string): Promise<void> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) {
      gate.reached();
      await gate.opened;
    }
    return this.inner.delete(key);
  }

  init(): Promise<void> {
    return this.inner.init();
  }
  put(key: string, body: Buffer | Readable, options?: PutObjectOptions): Promise<StorageStat> {
    return this.inner.put(key, body, options);
  }
  override putIfAbsent(key: string, body: Buffer, options?: PutObjectOptions): Promise<boolean> {
    return this.inner.putIfAbsent(key, body, options);
  }
  get(key: string): Promise<Readable> {
    return this.inner.get(key);
  }
  list(): AsyncIterable<string> {
    return this.inner.list();
  }
  stat(key: string): Promise<StorageStat> {
    return this.inner.stat(key);
  }
  exists(key: string): Promise<boolean> {
    return this.inner.exists(key);
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  purgeIncompleteWrites(olderThan: Date): Promise<number> {
    return this.inner.purgeIncompleteWrites(olderThan);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

interface Backend {
  /** An empty store for one test (a folder, a bucket). */
  fresh(): StorageOptions;
  dispose(): Promise<void>;
}

let stores = 0;
const BACKENDS: [string, () => Promise<Backend>][] = [
  [
    'filesystem',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'vanthu-claims-'));
      return {
        fresh: () => ({ driver: 'filesystem', root: join(root, `store-${++stores}`) }),
        dispose: async () => rmSync(root, { recursive: true, force: true }),
      };
    },
  ],
  [
    's3 (s3rver)',
    async () => {
      const server: S3TestServer = await startS3TestServer();
      const { endPoint, port, useSSL, accessKey, secretKey } = server;
      return {
        fresh: () => ({
          driver: 's3',
          ...{ endPoint, port, useSSL, accessKey, secretKey },
          bucket: `vanthu-claims-${++stores}`,
        }),
        dispose: () => server.stop(),
      };
    },
  ],
];

describe.each(BACKENDS)('stored-object claims on %s storage (real PostgreSQL)', (_name, backendOf) => {
  let backend: Backend;
  let options: StorageOptions;
  let db: TestDatabase;
  let storage: GatedStorage;
  let documents: DocumentStore;
  let sweeper: StoredObjectSweeper;
  let agencyId: string;

  beforeAll(async () => {
    backend = await backendOf();
  });
  afterAll(() => backend.dispose());

  beforeEach(async () => {
    db = await createTestDatabase();
    options = backend.fresh();
    const base = createObjectStorage(options);
    await base.init();
    storage = new GatedStorage(base);
    const claims = new StoredObjectClaimRepository(db.database);
    const clock = new SystemClock();
    documents = new DocumentStore(
      db.database,
      storage,
      new DocumentVersionRepository(db.database),
      claims,
      clock,
    );
    sweeper = new StoredObjectSweeper(claims, storage, clock);
    agencyId = (await insertAgency(db.dataSource, { code: '000.00.12.H15', name: "UBND huyện Ea H'Leo" })).id;
  });
  afterEach(() => db.close());

  const listing = () => listStoredObjects(options);

  let n = 0;
  /** Distinct PDF-like bytes. */
  const bytes = (label = `${++n}`) => Buffer.from(`%PDF-1.7\n% ${label} ${randomUUID()}\n%%EOF\n`);
  const keyOf = (b: Buffer) => storageKeyOf(createHash('sha256').update(b).digest('hex'));

  async function newEntry(): Promise<string> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, subject)
       VALUES ($1, $2, 'incoming', 'registered', '2026-11-26', 'CV', 'V/v thử lưu tệp')`,
      [id, agencyId],
    );
    return id;
  }

  /** Commits a version referencing `stored`, as the registrar does. */
  async function reference(stored: StoredObject): Promise<void> {
    const entryId = await newEntry();
    await db.database.transaction(() =>
      documents.addFirstVersions([
        {
          agencyId,
          entryId,
          fileIndex: 0,
          fileName: 'van-ban.pdf',
          kind: 'received',
          createdBy: null,
          stored,
        },
      ]),
    );
  }

  const claimsLeft = async (): Promise<number> =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM stored_object_claim'))[0].n);

  it('deletes what a refused request stored, and keeps what a row or another claim still needs', async () => {
    const before = await listing();
    const x = bytes();
    const refused = await documents.store(x);
    expect(await storage.exists(keyOf(x))).toBe(true);
    await documents.discard([refused]);
    expect(await listing()).toEqual(before);

    // the same bytes committed by one request, then uploaded again and refused: the row keeps them
    await reference(await documents.store(x));
    const committed = await listing();
    await documents.discard([await documents.store(x)]);
    expect(await listing()).toEqual(committed);
    expect((await documents.read({ storageKey: keyOf(x) })).equals(x)).toBe(true);

    // two requests hold the same new bytes: the first refusal leaves them to the second
    const y = bytes();
    const first = await documents.store(y);
    const second = await documents.store(y);
    await documents.discard([first]);
    expect(await storage.exists(keyOf(y))).toBe(true);
    await documents.discard([second]);
    expect(await listing()).toEqual(committed);
    expect(await claimsLeft()).toBe(0);
  });

  it('releases what a transaction stored when it rolls back, and keeps it when it commits', async () => {
    const before = await listing();
    const entryId = await newEntry();
    const x = bytes();
    const version = { agencyId, entryId, fileIndex: 0, fileName: 'du-thao.pdf', kind: 'original' as const };
    await expect(
      db.database.transaction(async () => {
        await documents.addVersion({ ...version, bytes: x, createdBy: null });
        // a real failure after the write: the row's own constraint refuses a second seq 1
        await db.database.manager.query(
          `INSERT INTO document_version (id, agency_id, entry_id, file_index, file_name, seq, kind, storage_key, sha256, size_bytes, created_at)
           SELECT gen_random_uuid(), agency_id, entry_id, file_index, file_name, seq, kind, storage_key, sha256, size_bytes, now()
             FROM document_version WHERE entry_id = $1`,
          [entryId],
        );
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await listing()).toEqual(before);

    await db.database.transaction(() => documents.addVersion({ ...version, bytes: x, createdBy: null }));
    expect(await storage.exists(keyOf(x))).toBe(true);
    expect(await documents.list(entryId)).toHaveLength(1);
    expect(await claimsLeft()).toBe(0);
  });

  it('never loses the object of a request that stores the same bytes while another releases them', async () => {
    // A stored X and was refused; its release has checked that nothing needs X and is deleting it
    const x = bytes();
    const a = await documents.store(x);
    const deleting = storage.holdNextDelete();
    const releasing = documents.discard([a]);
    await deleting.reached;

    // B uploads the same bytes now (its claim waits for A's release to finish, then it writes X
    // again; without that wait it would find X still there, not write it, and lose it a moment later)
    const b = documents.store(x);
    await lockWaitedOrDone(b);
    deleting.open();
    await releasing;
    const stored = await b;
    await reference(stored);

    expect(await storage.exists(keyOf(x))).toBe(true);
    expect((await documents.read({ storageKey: keyOf(x) })).equals(x)).toBe(true);
    expect(await claimsLeft()).toBe(0);
  });

  it('cleans up after a process killed between writing a file and committing its row', async () => {
    const shared = bytes('shared');
    await reference(await documents.store(shared));
    const kept = await listing();
    const entryId = await newEntry();
    const lost = bytes('lost');
    for (const file of [lost, shared])
      await storeThenDie({ url: db.url, storage: options, agencyId, entryId, bytes: file });

    // the transactions died with their processes; their claims and the new object remain
    expect(await documents.list(entryId)).toEqual([]);
    expect(await storage.exists(keyOf(lost))).toBe(true);
    expect(await claimsLeft()).toBe(2);

    // a live request's claim looks the same: within the grace period nothing is touched
    expect(await sweeper.sweep(3600)).toMatchObject({ released: 0, deleted: 0 });
    expect(await storage.exists(keyOf(lost))).toBe(true);

    const swept = await sweeper.sweep(0);
    expect(swept).toMatchObject({ released: 2, deleted: 1 });
    expect(await listing()).toEqual(kept);
    expect((await documents.read({ storageKey: keyOf(shared) })).equals(shared)).toBe(true);
    expect(await claimsLeft()).toBe(0);
  });

  it('refuses to commit a reference whose claim a sweep released meanwhile', async () => {
    const before = await listing();
    const slow = await documents.store(bytes());
    await sweeper.sweep(0);
    await expect(reference(slow)).rejects.toMatchObject({ code: 'STORAGE_CLAIM_EXPIRED', status: 503 });
    expect(await listing()).toEqual(before);
    expect(Number((await db.dataSource.query('SELECT count(*) AS n FROM document_version'))[0].n)).toBe(0);
  });

  /** Waits until a session of this database waits for an advisory lock, or `work` is over. */
  async function lockWaitedOrDone(work: Promise<unknown>): Promise<void> {
    let done = false;
    void work.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
          WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
      );
      if (n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
});
