import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoredObjectClaimRepository, StoredObjectSweeper } from '@vanthu/documents';
import { SystemClock } from '@vanthu/shared';
import { createObjectStorage, type ObjectStorage } from '@vanthu/storage';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import type { ExchangeInboundEntity } from './exchange-inbound.entity';
import { ExchangeInboundRepository } from './exchange-inbound.repository';
import { packageStorageKey, PackageStore, type StoredPackage } from './package-store';

const HOUR = 3600;

/**
 * Exchange packages live in the same object storage as document files and under the same claims
 * (real PostgreSQL, real filesystem storage): the storage sweep that cleans up after dead requests
 * must never delete a package an exchange row references, and must delete one nothing references.
 */
describe('exchange packages and the storage sweep (real PostgreSQL)', () => {
  let root: string;
  let db: TestDatabase;
  let storage: ObjectStorage;
  let packages: PackageStore;
  let sweeper: StoredObjectSweeper;
  let peerId: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'vanthu-exchange-packages-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeEach(async () => {
    db = await createTestDatabase();
    storage = createObjectStorage({ driver: 'filesystem', root: join(root, randomUUID()) });
    await storage.init();
    const claims = new StoredObjectClaimRepository(db.database);
    packages = new PackageStore(db.database, storage, claims);
    sweeper = new StoredObjectSweeper(claims, storage, new SystemClock());
    peerId = randomUUID();
    await db.dataSource.query(
      `INSERT INTO exchange_peer (id, name, role, certificate_der, sha256_fingerprint, updated_at)
       VALUES ($1, 'hub-x', 'hub', '\\x00', repeat('0', 64), now())`,
      [peerId],
    );
  });
  afterEach(() => db.close());

  const xml = () => Buffer.from(`<?xml version="1.0"?><edXML><id>${randomUUID()}</id></edXML>`);
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const exists = (key: string) => storage.exists(key);
  /** A claim that a request which died long ago left behind (the sweep's grace period is over). */
  const ageClaims = () =>
    db.dataSource.query(`UPDATE stored_object_claim SET created_at = now() - interval '2 hours'`);
  const claimsLeft = async () =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM stored_object_claim'))[0].n);

  /** The row each exchange table keeps for a stored package. */
  const referencingRows: [string, (p: StoredPackage, bytes: Buffer) => Promise<unknown>][] = [
    [
      'exchange_inbound',
      (p, bytes) =>
        db.dataSource.query(
          `INSERT INTO exchange_inbound (consignment_id, sha256, size, storage_key, kind, receipt, received_at, state)
           VALUES ($1, $2, $3, $4, 'edoc', '{}', now(), 'received')`,
          [randomUUID(), sha(bytes), bytes.length, p.key],
        ),
    ],
    [
      'exchange_outbound',
      (p, bytes) =>
        db.dataSource.query(
          `INSERT INTO exchange_outbound (id, consignment_id, peer_id, storage_key, sha256, size, kind, state, next_attempt_at, first_queued_at)
           VALUES ($1, $1, $2, $3, $4, $5, 'edoc', 'queued', now(), now())`,
          [randomUUID(), peerId, p.key, sha(bytes), bytes.length],
        ),
    ],
    [
      'exchange_mailbox',
      (p, bytes) =>
        db.dataSource.query(
          `INSERT INTO exchange_mailbox (peer_id, consignment_id, storage_key, sha256, size, state, created_at)
           VALUES ($1, $2, $3, $4, $5, 'waiting', now())`,
          [peerId, randomUUID(), p.key, sha(bytes), bytes.length],
        ),
    ],
  ];

  it.each(referencingRows)(
    'keeps a package that %s references when the sweep releases a dead claim on the same bytes',
    async (_table, insertRow) => {
      const bytes = xml();
      // the package is stored and referenced in one transaction (as a receive, build or forward does)
      const stored = await db.database.transaction(async () => {
        const p = await packages.put(bytes, sha(bytes));
        await insertRow(p, bytes);
        return p;
      });
      expect(stored.key).toBe(packageStorageKey(sha(bytes)));
      expect(await claimsLeft()).toBe(0);
      // the same bytes again (a repeat, a resend) by a request that died before its commit
      await packages.put(bytes, sha(bytes));
      await ageClaims();

      const run = await sweeper.sweep(HOUR);

      expect(run).toMatchObject({ released: 1, deleted: 0 });
      expect(await claimsLeft()).toBe(0);
      expect(await exists(stored.key)).toBe(true);
      expect(await packages.read(stored.key)).toEqual(bytes);
    },
  );

  it('lets the sweep delete a package nothing references (a request that died before its commit)', async () => {
    const bytes = xml();
    const orphan = await packages.put(bytes, sha(bytes));
    await ageClaims();

    expect(await sweeper.sweep(HOUR)).toMatchObject({ released: 1, deleted: 1 });
    expect(await exists(orphan.key)).toBe(false);
  });

  it('removes what a rolled-back transaction stored, and what a refused request gives back', async () => {
    const rolledBack = xml();
    let key = '';
    await expect(
      db.database.transaction(async () => {
        key = (await packages.put(rolledBack, sha(rolledBack))).key;
        throw new Error('refused after storing');
      }),
    ).rejects.toThrow('refused after storing');
    expect(await exists(key)).toBe(false);

    const refused = xml();
    const stored = await packages.put(refused, sha(refused));
    expect(await exists(stored.key)).toBe(true);
    await packages.discard(stored);
    expect(await exists(stored.key)).toBe(false);
    expect(await claimsLeft()).toBe(0);
  });

  it('keeps a package given back by one request while another request has referenced the same bytes', async () => {
    const bytes = xml();
    const first = await packages.put(bytes, sha(bytes));
    const second = await packages.put(bytes, sha(bytes));
    await db.database.transaction(async () => {
      await packages.keep(second);
      await referencingRows[0][1](second, bytes);
    });
    await packages.discard(first);
    expect(await exists(first.key)).toBe(true);
    expect(await claimsLeft()).toBe(0);
  });

  it("reads a row's bytes only when they are exactly the row's (its SHA-256)", async () => {
    const bytes = xml();
    const stored = await packages.put(bytes, sha(bytes));
    expect((await packages.readExactly(stored.key, sha(bytes))).equals(bytes)).toBe(true);
    await expect(packages.readExactly(stored.key, sha(xml()))).rejects.toMatchObject({
      code: 'STORAGE_OBJECT_CORRUPTED',
    });
  });

  it('inserts inbound rows in one statement and names those it inserted as they were given (any case)', async () => {
    const inbound = new ExchangeInboundRepository(db.database, new SystemClock());
    const row = (consignmentId: string): ExchangeInboundEntity => {
      const bytes = xml();
      return {
        consignmentId,
        sha256: sha(bytes),
        size: bytes.length,
        storageKey: packageStorageKey(sha(bytes)),
        kind: 'edoc',
        business: 'new',
        statusCode: null,
        fromCode: 'A',
        toCode: 'B',
        documentId: null,
        agencyId: null,
        receivedFromPeer: peerId,
        receipt: '{}',
        receivedAt: new Date(),
        state: 'forwarded',
        attempts: 0,
        nextAttemptAt: null,
        leaseUntil: null,
        errorCode: null,
        errorMessage: null,
        processedAt: new Date(),
      };
    };
    const there = randomUUID();
    expect(await inbound.insertIfAbsent(row(there))).toBe(true);
    const upper = randomUUID().toUpperCase();
    const fresh = randomUUID();
    const inserted = await inbound.insertManyIfAbsent([row(fresh), row(there.toUpperCase()), row(upper)]);
    expect([...inserted].sort()).toEqual([fresh, upper].sort());
    expect(await inbound.insertIfAbsent(row(upper.toLowerCase()))).toBe(false);
  });
});
