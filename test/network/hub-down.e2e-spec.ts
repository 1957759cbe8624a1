import { demoCommuneCode } from '@vanthu/directory';
import {
  agencyOf,
  CENTRAL_NODE,
  Cluster,
  type ClusterInstallation,
  demoPeople,
  DISTRICT_NODE,
  issueDocument,
  NATIONAL_HUB,
  ok,
  waitFor,
} from '@vanthu/test-kit/cluster';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';

const VPCP = demoPeople('vpcp');
const COMMUNES = [demoCommuneCode(1), demoCommuneCode(3)];
const BREAKER_THRESHOLD = 3;
const BREAKER_INTERVAL_MS = 3000;
const MAX_AGE_MS = 45_000;

/**
 * The central node runs as two server processes over one database (each sending one consignment at
 * a time) behind a recording proxy to the national hub: the outbox is shared with no double send;
 * with the hub down, the circuit (in the database, shared by both processes) probes at most once
 * per interval and nothing dies before its time; past the maximum age a delivery is dead, listed
 * and alerted, and a resend delivers the same consignment.
 */
describe('two server processes of one node, and the national hub down', () => {
  let cluster: Cluster;
  let central: ClusterInstallation;
  let g22: string;

  beforeAll(async () => {
    cluster = await Cluster.start({
      proxies: [{ from: CENTRAL_NODE, to: NATIONAL_HUB }],
      settingsOf: {
        [CENTRAL_NODE]: {
          VANTHU_EXCHANGE_CONCURRENCY: '1',
          VANTHU_EXCHANGE_BREAKER_THRESHOLD: String(BREAKER_THRESHOLD),
          VANTHU_EXCHANGE_BREAKER_INTERVAL: `${BREAKER_INTERVAL_MS}ms`,
          VANTHU_EXCHANGE_MAX_AGE: `${MAX_AGE_MS}ms`,
          VANTHU_EXCHANGE_BACKOFF_BASE: '100ms',
          VANTHU_EXCHANGE_BACKOFF_CAP: '500ms',
        },
      },
      processes: { [CENTRAL_NODE]: [{}, {}] },
    });
    central = cluster.get(CENTRAL_NODE);
    g22 = await agencyOf(central, VPCP.clerk);
  }, 900_000);
  afterAll(() => cluster?.stop(), 120_000);

  const proxy = () => cluster.proxy(CENTRAL_NODE, NATIONAL_HUB);

  async function issue(subject: string, recipients = COMMUNES) {
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    const issued = await issueDocument(central, g22, VPCP, cluster.signingPassphrase(VPCP.leader), {
      subject,
      recipients,
      pdf: await nd30Pdf({ signerName: leader.fullName }),
    });
    const rows = await central.sql<{ id: string }>(`SELECT id FROM delivery WHERE entry_id = $1`, [
      issued.id,
    ]);
    return rows.map((r) => r.id);
  }

  const atLeast01 = async (ids: string[]) => {
    const [{ n }] = await central.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM delivery WHERE id = ANY($1::uuid[]) AND status_code IS NOT NULL AND status_code <> '02'`,
      [ids],
    );
    return n === ids.length;
  };

  it('shares the outbox between the two processes with no double send', async () => {
    // each push takes a while (longer than issuing the next document): one process alone could not
    // have two in flight
    proxy().delayMs = 1500;
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1)
      ids.push(...(await issue(`Về việc chia sẻ hàng đợi gửi, văn bản ${i + 1}`)));
    await waitFor('status 01 for every delivery', () => atLeast01(ids), 300_000, 500);
    proxy().delayMs = 0;

    // each consignment went once, alone (PUT) or in a batch (POST) with others
    const sent = proxy()
      .sends()
      .flatMap((r) => r.consignments)
      .filter((id) => ids.includes(id));
    const perConsignment = new Map<string, number>();
    for (const id of sent) perConsignment.set(id, (perConsignment.get(id) ?? 0) + 1);
    expect(perConsignment.size).toBe(ids.length);
    expect([...perConsignment.values()].filter((n) => n !== 1)).toEqual([]);
    // each process one request at a time (concurrency 1): two in flight means both were at work
    const sends = proxy().sends();
    const inFlight = sends.map((r) => sends.filter((o) => o.at <= r.at && o.doneAt > r.at).length);
    expect(Math.max(...inFlight)).toBe(2);
  }, 600_000);

  it('with the hub down the circuit probes at most once per interval, nothing dies early, everything arrives after', async () => {
    const hub = cluster.get(NATIONAL_HUB);
    await hub.stop();
    const downAt = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(...(await issue(`Về việc trục quốc gia tạm ngừng, văn bản ${i + 1}`)));
    await new Promise((r) => setTimeout(r, 6 * BREAKER_INTERVAL_MS));
    // PUTs and batches alike: a batch that fails is one failure, as a PUT is
    const attempts = proxy()
      .sends()
      .filter((r) => r.at >= downAt);
    expect(attempts.every((r) => r.status === 502)).toBe(true);
    // the first failures open the circuit; after that, one probe per interval from either process
    expect(attempts.length).toBeGreaterThanOrEqual(BREAKER_THRESHOLD);
    // (the two processes may both fail once more while the circuit is being opened)
    const probes = attempts.slice(BREAKER_THRESHOLD + 1).map((r) => r.at);
    expect(probes.length).toBeGreaterThanOrEqual(3); // the hub is probed, not forgotten
    const gaps = probes.slice(1).map((t, i) => t - probes[i]);
    expect(gaps.filter((gap) => gap < BREAKER_INTERVAL_MS * 0.9)).toEqual([]);
    expect(probes.length).toBeLessThanOrEqual(Math.ceil((Date.now() - downAt) / BREAKER_INTERVAL_MS) + 1);
    const dead = await central.sql(`SELECT id FROM exchange_outbound WHERE state IN ('dead', 'rejected')`);
    expect(dead).toEqual([]);

    await hub.start();
    await waitFor('every delivery at 01 after the hub came back', () => atLeast01(ids), 300_000, 500);
    const states = await central.sql<{ state: string }>(
      `SELECT DISTINCT state FROM exchange_outbound WHERE consignment_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(states.map((s) => s.state)).toEqual(['sent']);
  }, 600_000);

  it('past the maximum age the delivery is dead, listed and alerted; a resend delivers the same consignment', async () => {
    const hub = cluster.get(NATIONAL_HUB);
    await hub.stop();
    const [id] = await issue('Về việc gửi lại văn bản quá hạn', [COMMUNES[0]]);
    const built = await waitFor('the package built', async () => {
      const [row] = await central.sql<{ sha256: string }>(
        `SELECT sha256 FROM exchange_outbound WHERE consignment_id = $1`,
        [id],
      );
      return row;
    });
    await waitFor(
      'the delivery dead',
      async () =>
        (await central.sql<{ state: string }>(`SELECT state FROM delivery WHERE id = $1`, [id]))[0].state ===
        'failed',
      MAX_AGE_MS + 120_000,
      1000,
    );
    const letters: { items: { deliveryId: string; consignmentId: string; peer: string }[] } = await ok(
      central,
      VPCP.clerk,
      'get',
      `/api/v1/agencies/${g22}/deliveries?state=dead`,
    );
    expect(letters.items.find((l) => l.deliveryId === id)).toMatchObject({
      consignmentId: id,
      peer: NATIONAL_HUB,
    });
    const audit = await central.sql(`SELECT 1 FROM audit_event WHERE action = 'exchange.dead'`);
    expect(audit.length).toBeGreaterThan(0);
    const notified = await ok(central, VPCP.clerk, 'get', '/api/v1/notifications?unread=true');
    expect(JSON.stringify(notified)).toMatch(/liên thông|không gửi được|quá hạn/i);

    await hub.start();
    const resent = await ok(central, VPCP.clerk, 'post', `/api/v1/agencies/${g22}/deliveries/${id}/resend`);
    expect(resent).toEqual({ deliveryId: id, action: 'requeued' });
    await waitFor('status 01 after the resend', () => atLeast01([id]), 300_000, 500);
    const [sent] = await central.sql<{ sha256: string; state: string }>(
      `SELECT sha256, state FROM exchange_outbound WHERE consignment_id = $1`,
      [id],
    );
    expect(sent).toEqual({ sha256: built.sha256, state: 'sent' });
    const arrived = await cluster
      .get(DISTRICT_NODE)
      .sql<{ n: number }>(`SELECT count(*)::int AS n FROM register_entry WHERE source_delivery_id = $1`, [
        id,
      ]);
    expect(arrived).toEqual([{ n: 1 }]);
  }, 600_000);
});
