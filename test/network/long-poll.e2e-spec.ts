import { demoCommuneCode } from '@vanthu/directory';
import {
  agencyOf,
  CENTRAL_NODE,
  Cluster,
  type ClusterInstallation,
  demoPeople,
  DISTRICT_NODE,
  issueDocument,
  ok,
  peerRequest,
  PROVINCE_HUB,
  waitFor,
} from '@vanthu/test-kit/cluster';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';

const VPCP = demoPeople('vpcp');
/** So long that only the long poll can explain an arrival within seconds. */
const DISTRICT_POLL_INTERVAL = '60s';

/**
 * The district node has no inbound port and polls the province hub. With its poll interval at
 * 60 s, a document stored in its mailbox at the hub reaches it within a few seconds: the hub held
 * the node's poll open and answered it when the item was committed. A hub asked to stop with a
 * poll held open answers it and exits promptly, not at the end of the 25 s wait.
 */
describe('mailbox long poll', () => {
  let cluster: Cluster;
  let central: ClusterInstallation;
  let province: ClusterInstallation;
  let district: ClusterInstallation;
  let g22: string;

  beforeAll(async () => {
    cluster = await Cluster.start();
    central = cluster.get(CENTRAL_NODE);
    province = cluster.get(PROVINCE_HUB);
    district = cluster.get(DISTRICT_NODE);
    // restarted once the hub is up, so its first poll is held (a failed first poll would wait 60 s)
    await district.restartWith(0, { VANTHU_EXCHANGE_POLL_INTERVAL: DISTRICT_POLL_INTERVAL });
    g22 = await agencyOf(central, VPCP.clerk);
  }, 900_000);
  afterAll(() => cluster?.stop(), 120_000);

  it('delivers a package from the hub to the polling node within seconds while its poll interval is 60 s', async () => {
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    for (const n of [1, 2]) {
      const issued = await issueDocument(central, g22, VPCP, cluster.signingPassphrase(VPCP.leader), {
        subject: `Giữ yêu cầu hộp thư ${n}`,
        recipients: [demoCommuneCode(n)],
        pdf: await nd30Pdf({ signerName: leader.fullName }),
      });
      const [{ id }] = await central.sql<{ id: string }>(`SELECT id FROM delivery WHERE entry_id = $1`, [
        issued.id,
      ]);
      const stored = await waitFor(
        'the province hub to store it for the district node',
        async () =>
          (
            await province.sql<{ created_at: Date }>(
              `SELECT created_at FROM exchange_mailbox WHERE consignment_id = $1`,
              [id],
            )
          )[0]?.created_at,
        60_000,
        100,
      );
      const received = await waitFor(
        'the district node to receive it',
        async () =>
          (
            await district.sql<{ received_at: Date }>(
              `SELECT received_at FROM exchange_inbound WHERE consignment_id = $1`,
              [id],
            )
          )[0]?.received_at,
        30_000,
        100,
      );
      // one machine, one clock: the hop took a fetch and a receive, not a poll interval
      expect(received.getTime() - stored.getTime()).toBeLessThan(3_000);
    }
  });

  it('a hub asked to stop answers a held poll at once and exits promptly', async () => {
    const as = district.credentials();
    const started = Date.now();
    const held = peerRequest(province.url, as, 'GET', '/exchange/v1/mailbox?after=0&limit=10&wait=25').then(
      (answer) => ({ answer, after: Date.now() - started }),
    );
    // the poll is held (nothing waits for the district node)
    const early = await Promise.race([held, new Promise((r) => setTimeout(() => r('held'), 1_500))]);
    expect(early).toBe('held');
    const stopping = Date.now();
    await province.stop();
    const stopMs = Date.now() - stopping;
    const { answer, after } = await held;
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ items: [], next: 0 });
    expect(after).toBeLessThan(10_000);
    expect(stopMs).toBeLessThan(10_000);
  });
});
