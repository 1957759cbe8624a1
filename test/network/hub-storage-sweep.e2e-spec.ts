import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createObjectStorage, type ObjectStorage } from '@vanthu/storage';
import {
  CENTRAL_NODE,
  Cluster,
  type ClusterInstallation,
  DISTRICT_NODE,
  NATIONAL_HUB,
  PROVINCE_HUB,
  waitFor,
} from '@vanthu/test-kit/cluster';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Where a hub keeps a package (libs/exchange PackageStore: content-addressed). */
const packageKey = (bytes: Buffer) => `exchange/${sha(bytes).slice(0, 2)}/${sha(bytes)}.xml`;
const xml = () => Buffer.from(`<?xml version="1.0"?><edXML><id>${randomUUID()}</id></edXML>`);

/**
 * A hub process runs the same storage sweep as the server: what a hub killed between storing a
 * package and committing its row leaves behind (a claim older than the grace period and its
 * object) is released by the running hub, while a package a row references and the claim of a
 * request still in flight stay. The test writes into the hub's own storage and database, as the
 * killed process would have; only the hub process can have swept them.
 */
describe('the hub sweeps its storage', () => {
  let cluster: Cluster;
  let hub: ClusterInstallation;
  let storage: ObjectStorage;

  beforeAll(async () => {
    cluster = await Cluster.start({
      idle: [PROVINCE_HUB, DISTRICT_NODE, CENTRAL_NODE],
      settingsOf: { [NATIONAL_HUB]: { VANTHU_STORAGE_SWEEP_INTERVAL: '1s' } },
    });
    hub = cluster.get(NATIONAL_HUB);
    storage = createObjectStorage({ driver: 'filesystem', root: join(hub.layout.dataDir, 'objects') });
    await storage.init();
  }, 600_000);
  afterAll(async () => {
    await storage?.close();
    await cluster?.stop();
  }, 120_000);

  /** A package stored with a claim, as PackageStore.put does, by a request `ageMinutes` old. */
  async function storedWithClaim(bytes: Buffer, ageMinutes: number): Promise<string> {
    const key = packageKey(bytes);
    await hub.sql(
      `INSERT INTO stored_object_claim (id, storage_key, created_at) VALUES ($1, $2, now() - make_interval(mins => $3))`,
      [randomUUID(), key, ageMinutes],
    );
    await storage.putIfAbsent(key, bytes, { contentType: 'application/xml', sha256: sha(bytes) });
    return key;
  }
  const claimsOn = async (key: string) =>
    (
      await hub.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM stored_object_claim WHERE storage_key = $1`,
        [key],
      )
    )[0].n;

  it('releases a dead claim and deletes its object, keeps a referenced package and a live claim', async () => {
    const orphanBytes = xml();
    const referencedBytes = xml();
    const liveBytes = xml();
    // a hub killed two hours ago after storing a package, before committing its row
    const orphan = await storedWithClaim(orphanBytes, 120);
    // the same, for bytes that another consignment's committed row references
    const referenced = await storedWithClaim(referencedBytes, 120);
    await hub.sql(
      `INSERT INTO exchange_inbound (consignment_id, sha256, size, storage_key, kind, receipt, received_at, state)
       VALUES ($1, $2, $3, $4, 'edoc', '{}', now(), 'forwarded')`,
      [randomUUID(), sha(referencedBytes), referencedBytes.length, referenced],
    );
    // a push in flight right now
    const live = await storedWithClaim(liveBytes, 0);
    expect(await storage.exists(orphan)).toBe(true);

    await waitFor(
      'the hub to sweep the dead claims',
      async () => (await claimsOn(orphan)) === 0 && (await claimsOn(referenced)) === 0,
      60_000,
    );

    expect(await storage.exists(orphan)).toBe(false);
    expect(hub.storedObject(referenced)).toEqual(referencedBytes);
    expect(await claimsOn(live)).toBe(1);
    expect(hub.storedObject(live)).toEqual(liveBytes);
  });
});
