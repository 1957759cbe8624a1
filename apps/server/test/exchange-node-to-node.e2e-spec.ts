import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRAL_CODE, DEMO_DISTRICT_CODE, demoCommuneCode } from '@vanthu/directory';
import { createTestDatabase, freePort, type TestDatabase } from '@vanthu/test-kit';
import {
  generateNetworkPki,
  memberEnv,
  NETWORK_DEMO_PASSWORD,
  type NetworkMember,
  prepareMember,
  writePeersFile,
} from '@vanthu/test-kit/exchange-network';
import { type ServerProcess, startServerProcess, waitReady } from '@vanthu/test-kit/server-process';
import { ApiClient, waitFor } from './support/api-client';
import { accountsOf, issueDocument, waitInInbox } from './support/exchange-flow';

const COMMUNE = demoCommuneCode(1);

/**
 * Node to node, two real server processes on their own databases and data folders: the central
 * node (Văn phòng Chính phủ) issues a document to a commune hosted on the district node; it arrives
 * in the commune's inbox through a signed push with a signed receipt, status 01 comes back on its
 * own, and the commune's registration comes back as 03.
 */
describe('exchange: node A → node B directly', () => {
  let root: string;
  let pkiDir: string;
  let central: NetworkMember;
  let district: NetworkMember;
  let dbCentral: TestDatabase;
  let dbDistrict: TestDatabase;
  let processes: ServerProcess[] = [];
  let apiCentral: ApiClient;
  let apiDistrict: ApiClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'vanthu-exchange-'));
    pkiDir = join(root, 'pki');
    await generateNetworkPki(pkiDir);
    central = await prepareMember(root, pkiDir, 'node-vpcp', [DEMO_CENTRAL_CODE]);
    district = await prepareMember(root, pkiDir, 'node-eahleo', [DEMO_DISTRICT_CODE]);
    [dbCentral, dbDistrict] = await Promise.all([
      createTestDatabase('central'),
      createTestDatabase('district'),
    ]);
    const [portCentral, portDistrict] = [await freePort(), await freePort()];
    const urlCentral = `http://127.0.0.1:${portCentral}`;
    const urlDistrict = `http://127.0.0.1:${portDistrict}`;
    writePeersFile(
      join(root, 'central-peers.json'),
      [{ name: district.name, role: 'node', url: urlDistrict, certificate: district.certificatePem }],
      { [DEMO_DISTRICT_CODE]: district.name },
    );
    writePeersFile(
      join(root, 'district-peers.json'),
      [{ name: central.name, role: 'node', url: urlCentral, certificate: central.certificatePem }],
      { '*': central.name },
    );
    processes = [
      startServerProcess({
        // workers that only poll every hour: the document and the recall leave because issuing
        // wakes the package builder, statuses because queueing and receiving wake the others
        ...memberEnv(central, join(root, 'central-peers.json'), {
          VANTHU_DEMO_WORLD: 'central',
          VANTHU_EXCHANGE_POLL_INTERVAL: '1h',
        }),
        PORT: String(portCentral),
        DATABASE_URL: dbCentral.url,
      }),
      startServerProcess({
        ...memberEnv(district, join(root, 'district-peers.json'), { VANTHU_DEMO_WORLD: 'district' }),
        PORT: String(portDistrict),
        DATABASE_URL: dbDistrict.url,
      }),
    ];
    await Promise.all([waitReady(urlCentral, processes[0]), waitReady(urlDistrict, processes[1])]);
    apiCentral = new ApiClient(urlCentral, NETWORK_DEMO_PASSWORD);
    apiDistrict = new ApiClient(urlDistrict, NETWORK_DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await Promise.all([dbCentral?.close(), dbDistrict?.close()]);
    rmSync(root, { recursive: true, force: true });
  });

  it('delivers an issued document to the commune inbox with a receipt; 01, 03, 04 come back; a recall destroys it there and 15 comes back', async () => {
    const issued = await issueDocument(
      apiCentral,
      pkiDir,
      accountsOf('vpcp'),
      [COMMUNE],
      'Về việc triển khai liên thông văn bản điện tử bốn cấp',
    );
    const g22 = issued.agencyId;

    // the commune's clerk finds it in the inbox, verified, with the central node's fields
    const detail = await waitInInbox(apiDistrict, 'eadrang.vanthu', issued.numberNotation);
    const commune = detail.agencyId;
    const arrived = detail;
    expect(detail).toMatchObject({
      status: 'received',
      source: 'exchange',
      organId: DEMO_CENTRAL_CODE,
      subject: 'Về việc triển khai liên thông văn bản điện tử bốn cấp',
      verificationVerdict: 'valid',
    });
    expect(detail.files).toHaveLength(1);

    // the sender holds the receiver's receipt; the consignment id is its delivery id
    const sent = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
    const delivery = sent.deliveries.find((d: { organId: string }) => d.organId === COMMUNE);
    expect(delivery.channel).toBe('exchange');
    const [outbound] = await dbCentral.dataSource.query(
      `SELECT state, receipt FROM exchange_outbound WHERE consignment_id = $1`,
      [delivery.id],
    );
    const [inbound] = await dbDistrict.dataSource.query(
      `SELECT state, receipt, sha256 FROM exchange_inbound WHERE consignment_id = $1`,
      [delivery.id],
    );
    expect(outbound.state).toBe('sent');
    expect(outbound.receipt).toBe(inbound.receipt);
    expect(JSON.parse(inbound.receipt)).toMatchObject({
      consignmentId: delivery.id,
      receiver: 'node-eahleo',
      sha256: inbound.sha256,
    });

    // status 01 came back by itself
    await waitFor('status 01 at the central node', async () => {
      const entry = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
      const d = entry.deliveries.find((x: { organId: string }) => x.organId === COMMUNE);
      return d.statusCode === '01' && d.state === 'delivered';
    });

    // registering at the commune sends 03
    await apiDistrict.ok(
      'eadrang.vanthu',
      'POST',
      `/api/v1/agencies/${commune}/incoming/${arrived.id}/register`,
      {
        version: detail.version,
      },
    );
    const final = await waitFor('status 03 at the central node', async () => {
      const entry = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
      const d = entry.deliveries.find((x: { organId: string }) => x.organId === COMMUNE);
      return d.statusCode === '03' ? d : undefined;
    });
    expect(final.statuses.map((s: { code: string }) => s.code)).toEqual(['01', '03']);

    // the leader assigns it: 04; then the central node recalls it: the commune's copy is destroyed, 15 back
    const specialist = (
      await apiDistrict.ok('eadrang.lanhdao', 'GET', `/api/v1/agencies/${commune}/users`)
    ).items.find((u: { username: string }) => u.username === 'eadrang.chuyenvien');
    const registered = await apiDistrict.ok(
      'eadrang.vanthu',
      'GET',
      `/api/v1/agencies/${commune}/entries/${arrived.id}`,
    );
    await apiDistrict.ok(
      'eadrang.lanhdao',
      'POST',
      `/api/v1/agencies/${commune}/incoming/${arrived.id}/assign`,
      {
        version: registered.version,
        lead: { userId: specialist.id, instructions: 'Đồng chí chủ trì tham mưu triển khai' },
      },
    );
    await waitFor('status 04 at the central node', async () => {
      const entry = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
      return entry.deliveries.find((x: { organId: string }) => x.organId === COMMUNE).statusCode === '04';
    });
    const current = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
    await apiCentral.ok('vpcp.vanthu', 'POST', `/api/v1/agencies/${g22}/outgoing/${issued.id}/recall`, {
      version: current.version,
      reason: 'Ban hành nhầm đối tượng',
    });
    const revoke = await waitFor('status 15 for the recall', async () => {
      const entry = await apiCentral.ok('vpcp.vanthu', 'GET', `/api/v1/agencies/${g22}/entries/${issued.id}`);
      const d = entry.deliveries.find(
        (x: { organId: string; business: string }) => x.organId === COMMUNE && x.business === 'revoke',
      );
      return d?.statusCode === '15' ? d : undefined;
    });
    expect(revoke.state).toBe('delivered');
    const recalled = await apiDistrict.ok(
      'eadrang.vanthu',
      'GET',
      `/api/v1/agencies/${commune}/entries/${arrived.id}`,
    );
    expect(recalled).toMatchObject({ status: 'recalled', returnReason: 'Ban hành nhầm đối tượng' });
    expect(recalled.files).toEqual([]);

    // every step is in each side's audit chain
    const actions = async (db: TestDatabase) =>
      (await db.dataSource.query(`SELECT action FROM audit_event WHERE action LIKE 'exchange.%'`)).map(
        (r: { action: string }) => r.action,
      );
    expect(await actions(dbCentral)).toEqual(
      expect.arrayContaining([
        'exchange.package_built',
        'exchange.sent',
        'exchange.received',
        'exchange.status_received',
      ]),
    );
    expect(await actions(dbDistrict)).toEqual(
      expect.arrayContaining([
        'exchange.received',
        'exchange.processed',
        'exchange.status_queued',
        'exchange.sent',
      ]),
    );
  });
});
