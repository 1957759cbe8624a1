import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CENTRAL_CODE,
  DEMO_DISTRICT_CODE,
  DEMO_PROVINCE_CODE,
  demoCommuneCode,
} from '@vanthu/directory';
import { createTestDatabase, freePort, type TestDatabase } from '@vanthu/test-kit';
import {
  generateNetworkPki,
  memberEnv,
  NETWORK_DEMO_PASSWORD,
  prepareMember,
  writePeersFile,
} from '@vanthu/test-kit/exchange-network';
import { HUB_MAIN, type ServerProcess, startServerProcess, waitReady } from '@vanthu/test-kit/server-process';
import { ApiClient } from './support/api-client';
import { accountsOf, issueDocument, waitDelivery, waitInInbox } from './support/exchange-flow';

const COMMUNE = demoCommuneCode(1);

/**
 * The seed's four levels as four real processes, each with its own database and data folder: the
 * central node pushes to the national hub, which routes the province's subtree to the Đắk Lắk hub
 * (hub chaining); the district node has no inbound port and polls the province hub's mailbox. A
 * document goes down both hubs to a commune's inbox, and the commune's statuses come back up.
 */
describe('exchange: node → national hub → province hub → poll-only node', () => {
  let root: string;
  let pkiDir: string;
  const dbs: TestDatabase[] = [];
  const processes: ServerProcess[] = [];
  let central: ApiClient;
  let district: ApiClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vanthu-hubs-'));
    pkiDir = join(root, 'pki');
    await generateNetworkPki(pkiDir);
    const [nodeC, hubN, hubP, nodeD] = await Promise.all([
      prepareMember(root, pkiDir, 'node-vpcp', [DEMO_CENTRAL_CODE]),
      prepareMember(root, pkiDir, 'hub-national', []),
      prepareMember(root, pkiDir, 'hub-daklak', []),
      prepareMember(root, pkiDir, 'node-eahleo', [DEMO_DISTRICT_CODE]),
    ]);
    for (const label of ['central', 'national', 'province', 'district'])
      dbs.push(await createTestDatabase(label));
    const ports = [await freePort(), await freePort(), await freePort(), await freePort()];
    const url = (i: number) => `http://127.0.0.1:${ports[i]}`;
    const file = (name: string) => join(root, `${name}.peers.json`);
    writePeersFile(
      file('central'),
      [{ name: hubN.name, role: 'hub', url: url(1), certificate: hubN.certificatePem }],
      {
        '*': hubN.name,
      },
    );
    writePeersFile(
      file('national'),
      [
        { name: nodeC.name, role: 'node', url: url(0), certificate: nodeC.certificatePem },
        { name: hubP.name, role: 'hub', url: url(2), certificate: hubP.certificatePem },
      ],
      { [DEMO_CENTRAL_CODE]: nodeC.name, [DEMO_PROVINCE_CODE]: hubP.name },
    );
    writePeersFile(
      file('province'),
      [
        { name: hubN.name, role: 'hub', url: url(1), certificate: hubN.certificatePem },
        { name: nodeD.name, role: 'node', url: null, certificate: nodeD.certificatePem },
      ],
      { [DEMO_DISTRICT_CODE]: nodeD.name, '*': hubN.name },
    );
    writePeersFile(
      file('district'),
      [{ name: hubP.name, role: 'hub', url: url(2), poll: true, certificate: hubP.certificatePem }],
      { '*': hubP.name },
    );
    const members = [
      [nodeC, 'central', { VANTHU_DEMO_WORLD: 'central' }, undefined],
      [hubN, 'national', {}, HUB_MAIN],
      [hubP, 'province', {}, HUB_MAIN],
      [nodeD, 'district', { VANTHU_DEMO_WORLD: 'district' }, undefined],
    ] as const;
    for (const [i, [member, name, extra, main]] of members.entries())
      processes.push(
        startServerProcess(
          { ...memberEnv(member, file(name), extra), PORT: String(ports[i]), DATABASE_URL: dbs[i].url },
          main,
        ),
      );
    await Promise.all(processes.map((p, i) => waitReady(url(i), p, 180)));
    central = new ApiClient(url(0), NETWORK_DEMO_PASSWORD);
    district = new ApiClient(url(3), NETWORK_DEMO_PASSWORD);
  }, 360_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await Promise.all(dbs.map((db) => db.close()));
    rmSync(root, { recursive: true, force: true });
  });

  it('carries the document down both hubs to the commune and its statuses 01, 03 back up', async () => {
    const issued = await issueDocument(
      central,
      pkiDir,
      accountsOf('vpcp'),
      [COMMUNE],
      'Về việc kiểm tra kết nối trục liên thông văn bản quốc gia',
    );
    const arrived = await waitInInbox(district, 'eadrang.vanthu', issued.numberNotation);
    expect(arrived).toMatchObject({
      source: 'exchange',
      organId: DEMO_CENTRAL_CODE,
      verificationVerdict: 'valid',
    });

    // each hub stored the consignment once and forwarded the very same bytes
    const [delivery] = await dbs[0].dataSource.query(
      `SELECT consignment_id, sha256 FROM exchange_outbound WHERE kind = 'edoc'`,
    );
    for (const hub of [dbs[1], dbs[2]]) {
      const rows = await hub.dataSource.query(
        `SELECT state, sha256 FROM exchange_inbound WHERE consignment_id = $1`,
        [delivery.consignment_id],
      );
      expect(rows).toEqual([{ state: 'forwarded', sha256: delivery.sha256 }]);
    }
    // the province hub kept it in the district's mailbox until the district acked it with its receipt
    const [mailbox] = await dbs[2].dataSource.query(
      `SELECT state, ack_receipt FROM exchange_mailbox WHERE consignment_id = $1`,
      [delivery.consignment_id],
    );
    const [atDistrict] = await dbs[3].dataSource.query(
      `SELECT receipt FROM exchange_inbound WHERE consignment_id = $1`,
      [delivery.consignment_id],
    );
    expect(mailbox).toEqual({ state: 'acked', ack_receipt: atDistrict.receipt });

    await waitDelivery(
      central,
      'vpcp.vanthu',
      issued,
      COMMUNE,
      'status 01 through both hubs',
      (d) => d.statusCode === '01',
    );
    await district.ok(
      'eadrang.vanthu',
      'POST',
      `/api/v1/agencies/${arrived.agencyId}/incoming/${arrived.id}/register`,
      {
        version: arrived.version,
      },
    );
    const done = await waitDelivery(
      central,
      'vpcp.vanthu',
      issued,
      COMMUNE,
      'status 03',
      (d) => d.statusCode === '03',
    );
    expect(done.state).toBe('delivered');
    expect(done.statuses.map((s: { code: string }) => s.code)).toEqual(['01', '03']);

    // hubs keep their trace in their own audit chain
    const hubActions = await dbs[1].dataSource.query(
      `SELECT action FROM audit_event WHERE action LIKE 'exchange.%'`,
    );
    expect(hubActions.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['exchange.received', 'exchange.sent']),
    );
  });
});
