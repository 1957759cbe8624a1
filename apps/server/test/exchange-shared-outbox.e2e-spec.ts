import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRAL_CODE, demoCommuneCode } from '@vanthu/directory';
import { demoIssuer, issueExchangeIdentity } from '@vanthu/exchange';
import { derToPem } from '@vanthu/signing';
import { createTestDatabase, freePort, type TestDatabase } from '@vanthu/test-kit';
import {
  generateNetworkPki,
  memberEnv,
  prepareMember,
  writePeersFile,
} from '@vanthu/test-kit/exchange-network';
import { type ServerProcess, startServerProcess, waitReady } from '@vanthu/test-kit/server-process';
import { waitFor } from './support/api-client';
import { FakePeer, insertExchangeDelivery } from './support/exchange-fixtures';

const DELIVERIES = 120;

/**
 * Two server processes of one node over one database (the way to scale a node out): both run the
 * outbox workers, which claim deliveries and consignments with FOR UPDATE SKIP LOCKED, so every
 * consignment is built and pushed exactly once, by one process or the other.
 */
describe('exchange: two server processes share one outbox', () => {
  let root: string;
  let db: TestDatabase;
  let hub: FakePeer;
  const processes: ServerProcess[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vanthu-shared-outbox-'));
    const pkiDir = join(root, 'pki');
    await generateNetworkPki(pkiDir);
    const node = await prepareMember(root, pkiDir, 'node-vpcp', [DEMO_CENTRAL_CODE]);
    const issuer = (await demoIssuer(pkiDir))!;
    const hubIdentity = issueExchangeIdentity({
      issuer: issuer.identity,
      name: 'hub-national',
      agencyCodes: [],
    });
    hub = new FakePeer('hub-national', hubIdentity, () => node.certificate);
    hub.delayMs = 15;
    await hub.start();
    writePeersFile(
      join(root, 'peers.json'),
      [
        {
          name: 'hub-national',
          role: 'hub',
          url: hub.url,
          certificate: derToPem(hub.identity.certificate, 'CERTIFICATE'),
        },
      ],
      { '*': 'hub-national' },
    );
    db = await createTestDatabase('shared-outbox');
    const env = {
      ...memberEnv(node, join(root, 'peers.json'), { VANTHU_DEMO_WORLD: 'central' }),
      DATABASE_URL: db.url,
    };
    const ports = [await freePort(), await freePort()];
    // the first start seeds the world; the second process joins the same database and data folder
    processes.push(startServerProcess({ ...env, PORT: String(ports[0]) }));
    await waitReady(`http://127.0.0.1:${ports[0]}`, processes[0], 180);
    processes.push(startServerProcess({ ...env, PORT: String(ports[1]) }));
    await waitReady(`http://127.0.0.1:${ports[1]}`, processes[1], 180);
  }, 300_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await hub?.stop();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds and pushes every consignment exactly once, with both processes at work', async () => {
    const [{ id: g22 }] = await db.dataSource.query(`SELECT id FROM agency WHERE code = $1`, [
      DEMO_CENTRAL_CODE,
    ]);
    const ids: string[] = [];
    for (let n = 1; n <= DELIVERIES; n += 1) {
      const { deliveryId } = await insertExchangeDelivery(db.dataSource, {
        senderAgencyId: g22,
        senderCode: DEMO_CENTRAL_CODE,
        organId: demoCommuneCode(1 + (n % 12)),
        organName: 'UBND xã',
        number: n,
      });
      ids.push(deliveryId);
    }
    await waitFor(
      'every consignment sent',
      async () => {
        const [{ n }] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM exchange_outbound WHERE state = 'sent'`,
        );
        return n === DELIVERIES;
      },
      180_000,
    );
    // each consignment went once, alone (PUT) or in a batch (POST) with others
    const sends = hub.requests.filter((r) => r.method === 'PUT' || r.method === 'POST');
    const perConsignment = new Map<string, number>();
    for (const id of sends.flatMap((r) => r.consignments))
      perConsignment.set(id, (perConsignment.get(id) ?? 0) + 1);
    expect([...perConsignment.keys()].sort()).toEqual([...ids].sort());
    expect(new Set(perConsignment.values())).toEqual(new Set([1]));
    const pids = new Set(sends.map((r) => /pid (\d+)/.exec(r.userAgent)?.[1]));
    expect(pids).toEqual(new Set(processes.map((p) => String(p.child.pid))));
    const deliveries = await db.dataSource.query(
      `SELECT DISTINCT state FROM delivery WHERE channel = 'exchange'`,
    );
    expect(deliveries).toEqual([{ state: 'sent' }]);
    const built = await db.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT subject_id)::int AS distinct FROM audit_event WHERE action = 'exchange.package_built'`,
    );
    expect(built).toEqual([{ n: DELIVERIES, distinct: DELIVERIES }]);
  }, 240_000);
});
