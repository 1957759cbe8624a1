import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { DEMO_CENTRAL_CODE } from '@vanthu/directory';
import {
  NON_RECEIPT_ANSWER_LIMIT,
  PackageBuildWorker,
  parsePeersConfiguration,
  SendWorker,
  SyncPeersUseCase,
} from '@vanthu/exchange';
import { Clock } from '@vanthu/shared';
import { derToPem, loadPkcs12, type SigningIdentity } from '@vanthu/signing';
import {
  ApiSessions,
  insertAgency,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { runCli } from '@vanthu/test-kit/server-process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import {
  configureNode,
  exchangeCa,
  type TestExchangeCa,
  FakePeer,
  insertExchangeDelivery,
} from './support/exchange-fixtures';

class TestClock extends Clock {
  private at = Date.now();
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

/**
 * The send side against a peer the test controls (a real HTTP server with its own key): back-off,
 * a circuit breaker shared through the database that probes at most once per interval, dead
 * letters past the maximum age with an alert, resend of the same consignment and bytes, a receipt
 * asked for after an ambiguous timeout, a refusal that fails the delivery with 02, and no route.
 */
describe('exchange: retries, circuit breaker, dead letters and resend', () => {
  const clock = new TestClock();
  let server: TestServer;
  let peer: FakePeer;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let nodeIdentity: SigningIdentity;
  let api: ApiSessions;
  let build: PackageBuildWorker;
  let send: SendWorker;
  let number = 0;
  let ca: TestExchangeCa;

  beforeAll(async () => {
    server = await startTestServer(
      {
        VANTHU_EXCHANGE_NAME: 'node-eahleo',
        VANTHU_EXCHANGE_BREAKER_THRESHOLD: '3',
        VANTHU_EXCHANGE_BREAKER_INTERVAL: '30s',
        VANTHU_EXCHANGE_BACKOFF_BASE: '1s',
        VANTHU_EXCHANGE_BACKOFF_CAP: '8s',
        VANTHU_EXCHANGE_MAX_AGE: '1h',
        VANTHU_EXCHANGE_TIMEOUT: '2s',
      },
      clock,
    );
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    await insertAgency(ds, {
      code: DEMO_CENTRAL_CODE,
      name: 'Văn phòng Chính phủ',
      hosted: false,
      levelLabel: 'Trung ương',
    });
    await insertUser(ds, { agencyId: district.id, username: 'd.clerk', roles: ['clerk'] });
    await insertUser(ds, { agencyId: communeA.id, username: 'a.clerk', roles: ['clerk'] });
    ca = await exchangeCa();
    nodeIdentity = ca.issue('node-eahleo', [district.code]);
    peer = new FakePeer('hub-x', ca.issue('hub-x', []), () => nodeIdentity.certificate);
    await peer.start();
    await configureNode(
      server,
      ca,
      { name: 'node-eahleo', identity: nodeIdentity },
      [{ name: 'hub-x', role: 'hub', url: peer.url, identity: peer.identity }],
      { '*': 'hub-x' },
    );
    api = new ApiSessions(server.url);
    build = server.app.get(PackageBuildWorker);
    send = server.app.get(SendWorker);
  }, 120_000);

  afterAll(async () => {
    await peer?.stop();
    await server?.close();
  });

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    server.db.dataSource.query(text, params) as Promise<T[]>;
  const outbound = async (deliveryId: string) =>
    (await sql(`SELECT * FROM exchange_outbound WHERE delivery_id = $1`, [deliveryId]))[0];
  const delivery = async (id: string) =>
    (
      await sql<{ state: string; status_code: string | null; status_description: string | null }>(
        `SELECT state, status_code, status_description FROM delivery WHERE id = $1`,
        [id],
      )
    )[0];
  const peerRow = async () =>
    (
      await sql<{ failures: number; probe_at: Date | null }>(
        `SELECT failures, probe_at FROM exchange_peer WHERE name = 'hub-x'`,
      )
    )[0];
  async function queued(): Promise<string> {
    number += 1;
    const { deliveryId } = await insertExchangeDelivery(server.db.dataSource, {
      senderAgencyId: district.id,
      senderCode: district.code,
      organId: DEMO_CENTRAL_CODE,
      organName: 'Văn phòng Chính phủ',
      number,
    });
    await build.tick();
    return deliveryId;
  }

  it('backs off, opens the circuit after 3 failures, probes once per interval and closes on success', async () => {
    peer.mode = 'down';
    const id = await queued();
    expect((await outbound(id)).state).toBe('queued');
    const t0 = clock.now().getTime();
    await send.tick();
    const first = await outbound(id);
    expect(first).toMatchObject({
      state: 'queued',
      attempts: 1,
      last_error_code: 'EXCHANGE_PEER_UNAVAILABLE',
    });
    const wait = (first.next_attempt_at as Date).getTime() - t0;
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThanOrEqual(1500);

    clock.advance(2_000);
    await send.tick();
    clock.advance(4_000);
    await send.tick();
    expect(peer.count('PUT')).toBe(3);
    const open = await peerRow();
    expect(open.failures).toBe(3);
    expect(open.probe_at).not.toBeNull();

    // open: due work waits, nothing is sent before the probe time
    clock.advance(10_000);
    await send.tick();
    expect(peer.count('PUT')).toBe(3);

    // at the probe time, three workers at once: exactly one request
    clock.advance(21_000);
    await Promise.all([send.tick(), send.tick(), send.tick()]);
    expect(peer.count('PUT')).toBe(4);

    // the next probe succeeds: sent, the circuit is closed, the delivery is sent
    clock.advance(31_000);
    peer.mode = 'ok';
    await send.tick();
    expect(peer.count('PUT')).toBe(5);
    const sent = await outbound(id);
    expect(sent.state).toBe('sent');
    expect(sent.receipt).toBe(peer.stored.get(id)!.receipt);
    expect(await peerRow()).toEqual({ failures: 0, probe_at: null });
    expect((await delivery(id)).state).toBe('sent');
    expect(peer.requests.every((r) => r.signatureOk)).toBe(true);
    const opened = await sql(`SELECT 1 FROM audit_event WHERE action = 'exchange.circuit_opened'`);
    expect(opened).toHaveLength(1);
  });

  it('buries a consignment past the maximum age, alerts the clerks, lists it, and a resend delivers the same bytes', async () => {
    peer.mode = 'down';
    const id = await queued();
    await send.tick();
    clock.advance(2 * 3_600_000);
    await send.tick();
    const dead = await outbound(id);
    expect(dead.state).toBe('dead');
    expect(await delivery(id)).toMatchObject({ state: 'failed', status_code: null });
    expect((await delivery(id)).status_description).toMatch(/Quá thời hạn gửi.*EXCHANGE_PEER_UNAVAILABLE/);
    const notes = (await api.get('d.clerk', '/api/v1/notifications')).body;
    expect(JSON.stringify(notes)).toContain('Không gửi được văn bản');

    const listed = await api.get('d.clerk', `/api/v1/agencies/${district.id}/deliveries?state=dead`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      items: [
        expect.objectContaining({
          deliveryId: id,
          consignmentId: id,
          peer: 'hub-x',
          lastErrorCode: 'EXCHANGE_PEER_UNAVAILABLE',
        }),
      ],
      nextCursor: null,
      total: 1,
    });
    expect((await api.get('a.clerk', `/api/v1/agencies/${district.id}/deliveries?state=dead`)).status).toBe(
      404,
    );
    expect(
      (await api.post('a.clerk', `/api/v1/agencies/${district.id}/deliveries/${id}/resend`)).status,
    ).toBe(404);

    const resent = await api.post('d.clerk', `/api/v1/agencies/${district.id}/deliveries/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toEqual({ deliveryId: id, action: 'requeued' });
    expect((await delivery(id)).state).toBe('pending');
    peer.mode = 'ok';
    await send.tick();
    const again = await outbound(id);
    expect(again).toMatchObject({
      state: 'sent',
      consignment_id: id,
      sha256: dead.sha256,
      storage_key: dead.storage_key,
    });
    expect(createHash('sha256').update(peer.stored.get(id)!.bytes).digest('hex')).toBe(dead.sha256);
    const twice = await api.post('d.clerk', `/api/v1/agencies/${district.id}/deliveries/${id}/resend`);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('EXCHANGE_DELIVERY_NOT_RESENDABLE');
    expect(
      (await api.post('d.clerk', `/api/v1/agencies/${district.id}/deliveries/not-a-uuid/resend`)).status,
    ).toBe(400);
  });

  it('asks for the receipt after an ambiguous timeout instead of sending again', async () => {
    peer.mode = 'hang-after-store';
    const id = await queued();
    const puts = peer.count('PUT');
    await send.tick();
    expect(await outbound(id)).toMatchObject({ state: 'queued', ambiguous: true });
    peer.mode = 'ok';
    clock.advance(10_000);
    await send.tick();
    expect(await outbound(id)).toMatchObject({ state: 'sent', ambiguous: false });
    expect(peer.count('PUT')).toBe(puts + 1);
    expect(peer.requests.filter((r) => r.method === 'GET' && r.path.includes(id))).toHaveLength(1);
  });

  it('sends a backlog to one peer in one request: one failure for the circuit when it is down, then each consignment delivered with its own receipt, asked for after no answer, or refused on its own', async () => {
    peer.mode = 'down';
    const ids = [await queued(), await queued(), await queued(), await queued(), await queued()];
    const posts = peer.count('POST');
    const puts = peer.count('PUT');
    await send.tick();
    expect(peer.count('POST')).toBe(posts + 1);
    expect(peer.requests.at(-1)!.consignments.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await outbound(id)).toMatchObject({ state: 'queued', attempts: 1 });
    // one request failed, not five: the circuit (3 failures) stays closed
    expect((await peerRow()).failures).toBe(1);

    peer.mode = 'ok';
    clock.advance(10_000);
    await send.tick();
    expect(peer.count('POST')).toBe(posts + 2);
    expect(peer.count('PUT')).toBe(puts);
    for (const id of ids) {
      const row = await outbound(id);
      expect(row).toMatchObject({ state: 'sent', attempts: 2 });
      expect(row.receipt).toBe(peer.stored.get(id)!.receipt);
      expect((await delivery(id)).state).toBe('sent');
    }
    expect(await peerRow()).toEqual({ failures: 0, probe_at: null });
    const audited = await sql(
      `SELECT subject_id FROM audit_event WHERE action = 'exchange.sent' AND subject_id = ANY($1)`,
      [ids],
    );
    expect(audited).toHaveLength(ids.length);

    // no answer to a batch that went out: each asks for its receipt next time, none is sent again
    peer.mode = 'hang-after-store';
    const unanswered = [await queued(), await queued()];
    await send.tick();
    for (const id of unanswered)
      expect(await outbound(id)).toMatchObject({ state: 'queued', ambiguous: true });
    peer.mode = 'ok';
    clock.advance(10_000);
    await send.tick();
    expect(peer.count('POST')).toBe(posts + 3);
    expect(peer.count('PUT')).toBe(puts);
    for (const id of unanswered) {
      expect(await outbound(id)).toMatchObject({ state: 'sent', ambiguous: false });
      expect(peer.requests.filter((r) => r.method === 'GET' && r.path.includes(id))).toHaveLength(1);
    }

    peer.mode = 'refuse';
    const refused = [await queued(), await queued()];
    await send.tick();
    expect(peer.count('POST')).toBe(posts + 4);
    for (const id of refused) {
      expect((await outbound(id)).state).toBe('rejected');
      expect(await delivery(id)).toMatchObject({ state: 'failed', status_code: '02' });
    }
    expect(await peerRow()).toEqual({ failures: 0, probe_at: null });

    // each failing on the peer's side: retried, and one failure for the circuit, not a success
    peer.mode = 'fail-each';
    const failing = [await queued(), await queued()];
    await send.tick();
    expect(peer.count('POST')).toBe(posts + 5);
    for (const id of failing)
      expect(await outbound(id)).toMatchObject({
        state: 'queued',
        last_error_code: 'EXCHANGE_RECEIVER_UNAVAILABLE',
      });
    expect((await peerRow()).failures).toBe(1);
    peer.mode = 'ok';
    clock.advance(10_000);
    await send.tick();
    for (const id of failing) expect((await outbound(id)).state).toBe('sent');
  });

  it('sends one consignment per request to a peer that refuses batches (an older version), for a while', async () => {
    peer.mode = 'ok';
    peer.batches = false;
    try {
      const ids = [await queued(), await queued(), await queued()];
      const posts = peer.count('POST');
      const puts = peer.count('PUT');
      await send.tick();
      // the batch was refused: back in the queue, due at once (the worker's next round, no back-off)
      expect(peer.count('POST')).toBe(posts + 1);
      for (const id of ids)
        expect(await outbound(id)).toMatchObject({
          state: 'queued',
          last_error_code: 'EXCHANGE_BATCH_REFUSED',
        });
      await send.tick();
      expect(peer.count('PUT')).toBe(puts + 3);
      for (const id of ids) expect(await outbound(id)).toMatchObject({ state: 'sent', ambiguous: false });
      const more = [await queued(), await queued()];
      await send.tick();
      expect(peer.count('POST')).toBe(posts + 1);
      expect(peer.count('PUT')).toBe(puts + 5);
      for (const id of more) expect((await outbound(id)).state).toBe('sent');
    } finally {
      peer.batches = true;
    }
  });

  it("fails a refused delivery at once with status 02 and the receiver's reason, and never retries it", async () => {
    peer.mode = 'refuse';
    const id = await queued();
    await send.tick();
    expect((await outbound(id)).state).toBe('rejected');
    const refused = await delivery(id);
    expect(refused).toMatchObject({ state: 'failed', status_code: '02' });
    expect(refused.status_description).toContain('EXCHANGE_UNKNOWN_RECIPIENT');
    const puts = peer.count('PUT');
    clock.advance(3_600_000);
    await send.tick();
    expect(peer.count('PUT')).toBe(puts);
  });

  it('fails a delivery whose peer answers 200 with a web page after 5 answers (about half a minute), alerts the clerks, and a resend to the fixed peer delivers the same consignment', async () => {
    peer.mode = 'html';
    const id = await queued();
    const before = await peerRow();
    const started = clock.now().getTime();
    const requestsFor = (method: string) =>
      peer.requests.filter((r) => r.method === method && r.path.includes(id)).length;
    for (let answers = 1; answers <= NON_RECEIPT_ANSWER_LIMIT; answers++) {
      const due = (await outbound(id)).next_attempt_at as Date;
      clock.advance(Math.max(0, due.getTime() - clock.now().getTime()));
      await send.tick();
      const row = await outbound(id);
      expect(row).toMatchObject({
        state: answers < NON_RECEIPT_ANSWER_LIMIT ? 'queued' : 'dead',
        non_receipt_answers: answers,
        ambiguous: true,
        last_error_code: 'EXCHANGE_PEER_NOT_EXCHANGE',
      });
    }
    // bounded by the back-off between five answers ((1 + 2 + 4 + 8 s) × 0.5…1.5 here), not the maximum age
    expect(clock.now().getTime() - started).toBeLessThan(30_000);
    // the first attempt sent the package; every later one asked for the receipt first (the
    // package may have reached a peer behind the proxy) and never sent it twice
    expect({ put: requestsFor('PUT'), get: requestsFor('GET') }).toEqual({
      put: 1,
      get: NON_RECEIPT_ANSWER_LIMIT - 1,
    });
    // the peer answered: its circuit is not blamed
    expect(await peerRow()).toEqual(before);
    const failed = await delivery(id);
    expect(failed).toMatchObject({ state: 'failed', status_code: null });
    expect(failed.status_description).toContain('không phải biên nhận');
    expect(failed.status_description).toContain('EXCHANGE_PEER_NOT_EXCHANGE');
    const notes = (await api.get('d.clerk', '/api/v1/notifications')).body;
    expect(JSON.stringify(notes)).toMatch(/Không gửi được văn bản[^"]*EXCHANGE_PEER_NOT_EXCHANGE/);
    const listed = await api.get('d.clerk', `/api/v1/agencies/${district.id}/deliveries?state=dead`);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ deliveryId: id, lastErrorCode: 'EXCHANGE_PEER_NOT_EXCHANGE' }),
    );
    const dead = await outbound(id);

    peer.mode = 'ok';
    const resent = await api.post('d.clerk', `/api/v1/agencies/${district.id}/deliveries/${id}/resend`);
    expect(resent.body).toEqual({ deliveryId: id, action: 'requeued' });
    expect(await outbound(id)).toMatchObject({ state: 'queued', non_receipt_answers: 0 });
    await send.tick();
    expect(await outbound(id)).toMatchObject({
      state: 'sent',
      consignment_id: id,
      sha256: dead.sha256,
      receipt: peer.stored.get(id)!.receipt,
    });
    expect((await delivery(id)).state).toBe('sent');
    expect(createHash('sha256').update(peer.stored.get(id)!.bytes).digest('hex')).toBe(dead.sha256);
  });

  it('a peer behind a proxy that swallowed the receipt once: the next attempt asks for the receipt and delivers without sending twice', async () => {
    peer.mode = 'html-after-store';
    const id = await queued();
    await send.tick();
    expect(await outbound(id)).toMatchObject({
      state: 'queued',
      ambiguous: true,
      non_receipt_answers: 1,
      last_error_code: 'EXCHANGE_PEER_NOT_EXCHANGE',
    });
    expect(peer.stored.has(id)).toBe(true);
    peer.mode = 'ok';
    clock.advance(10_000);
    await send.tick();
    expect(await outbound(id)).toMatchObject({ state: 'sent', receipt: peer.stored.get(id)!.receipt });
    expect((await delivery(id)).state).toBe('sent');
    const forId = peer.requests.filter((r) => r.path.includes(id)).map((r) => r.method);
    expect(forId).toEqual(['PUT', 'GET']);
  });

  it('fails a delivery with no route at once (EXCHANGE_NO_ROUTE), and a resend rebuilds it once a route exists', async () => {
    const sync = (routes: Record<string, string>) =>
      parsePeersConfiguration(
        {
          peers: [
            {
              name: 'hub-x',
              role: 'hub',
              url: peer.url,
              certificate: derToPem(peer.identity.certificate, 'CERTIFICATE'),
            },
          ],
          routes,
        },
        'node-eahleo',
        tmpdir(),
      ).then((c) => server.app.get(SyncPeersUseCase).execute(c));
    await sync({});
    const id = await queued();
    expect(await outbound(id)).toBeUndefined();
    expect(await delivery(id)).toMatchObject({ state: 'failed' });
    expect((await delivery(id)).status_description).toContain('EXCHANGE_NO_ROUTE');
    await sync({ '*': 'hub-x' });
    peer.mode = 'ok';
    const resent = await api.post('d.clerk', `/api/v1/agencies/${district.id}/deliveries/${id}/resend`);
    expect(resent.body).toEqual({ deliveryId: id, action: 'rebuilt' });
    await build.tick();
    await send.tick();
    expect((await outbound(id)).state).toBe('sent');
    expect((await delivery(id)).state).toBe('sent');
  });

  it("vanthu exchange status, peers and resend work on the node's database; identity issue-demo needs none", async () => {
    peer.mode = 'down';
    const id = await queued();
    await send.tick();
    clock.advance(2 * 3_600_000);
    await send.tick();
    const env = {
      DATABASE_URL: server.db.url,
      VANTHU_DATA_DIR: server.dataDir,
      VANTHU_EXCHANGE_NAME: 'node-eahleo',
    };
    const status = await runCli(['exchange', 'status', '--json'], env);
    expect(status.code).toBe(0);
    const overview = JSON.parse(status.stdout);
    expect(overview.identity).toMatchObject({ name: 'node-eahleo', agencyCodes: [district.code] });
    expect(overview.outbound.dead).toBeGreaterThanOrEqual(1);
    expect(overview.routes).toEqual({ '*': 'hub-x' });
    const peers = await runCli(['exchange', 'peers'], env);
    expect(peers.stdout).toContain(`hub-x (trục) ${peer.url}`);
    const resent = await runCli(['exchange', 'resend', id], env);
    expect({ code: resent.code, out: resent.stdout }).toEqual({
      code: 0,
      out: expect.stringContaining('Đã xếp lại gói tin'),
    });
    expect((await outbound(id)).state).toBe('queued');
    const again = await runCli(['exchange', 'resend', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('EXCHANGE_DELIVERY_NOT_RESENDABLE');
    expect((await runCli(['exchange', 'resend', '../etc'], env)).code).toBe(2);

    const out = join(server.dataDir, 'issued.p12');
    writeFileSync(join(server.dataDir, 'issued.password'), 'mat-khau-dinh-danh\n');
    const issued = await runCli(
      [
        'exchange',
        'identity',
        'issue-demo',
        '--pki',
        ca.dir,
        '--name',
        'hub-daklak',
        '--out',
        out,
        '--password-file',
        join(server.dataDir, 'issued.password'),
      ],
      {},
    );
    expect(issued.code).toBe(0);
    const opened = loadPkcs12(readFileSync(out), 'mat-khau-dinh-danh');
    const certificate = new X509Certificate(opened.certificate);
    expect(certificate.subject).toContain('CN=hub-daklak');
    expect(readFileSync(`${out}.pem`, 'utf8')).toBe(derToPem(opened.certificate, 'CERTIFICATE'));
    expect(certificate.verify(new X509Certificate(opened.chain[0]).publicKey)).toBe(true);
    expect(opened.chain.at(-1)).toEqual(ca.root);
  });
});
