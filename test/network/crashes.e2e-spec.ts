import { DEMO_COMMUNE_CODES, DEMO_DISTRICT_CODE } from '@vanthu/directory';
import {
  agencyOf,
  CENTRAL_NODE,
  Cluster,
  type ClusterInstallation,
  demoPeople,
  DISTRICT_NODE,
  issuePrepared,
  NATIONAL_HUB,
  ok,
  prepareDocument,
  PROVINCE_HUB,
  type SignedDraft,
  waitFor,
} from '@vanthu/test-kit/cluster';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';

/**
 * Documents sent; each goes to 13 recipients. The issue's full size is 500 (6,500 consignments and
 * as many statuses): VANTHU_NETWORK_CRASH_DOCUMENTS=500 runs it; `npm test` runs 24 (312), enough
 * for every process to die several times with packages in flight.
 */
const DOCUMENTS = Number(process.env.VANTHU_NETWORK_CRASH_DOCUMENTS ?? 24);
const RECIPIENTS = [DEMO_DISTRICT_CODE, ...DEMO_COMMUNE_CODES];
const VPCP = demoPeople('vpcp');

/**
 * Crashes (issue 16): documents to the district and its 12 communes while the hubs and both nodes
 * are killed with SIGKILL at random and started again. Every recipient ends with exactly one inbox
 * entry per document and every delivery of the sender reaches status 01, once.
 */
describe('crashes: SIGKILL of hubs and nodes while documents travel to 13 recipients', () => {
  let cluster: Cluster;
  let chaos: Chaos | undefined;

  beforeAll(async () => {
    cluster = await Cluster.start();
  }, 900_000);
  afterAll(async () => {
    await chaos?.halt();
    await cluster?.stop();
  }, 300_000);

  it(`${DOCUMENTS} documents × ${RECIPIENTS.length} recipients: one inbox entry each, every delivery at 01`, async () => {
    const central = cluster.get(CENTRAL_NODE);
    const district = cluster.get(DISTRICT_NODE);
    const g22 = await agencyOf(central, VPCP.clerk);
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    const pdf = await nd30Pdf({ signerName: leader.fullName });
    const passphrase = cluster.signingPassphrase(VPCP.leader);
    const drafts: SignedDraft[] = [];
    for (let i = 0; i < DOCUMENTS; i += 1)
      drafts.push(
        await prepareDocument(central, g22, VPCP, passphrase, {
          subject: `Về việc thử nghiệm mất điện đột ngột, văn bản số ${i + 1}`,
          recipients: RECIPIENTS,
          pdf,
        }),
      );

    // while the clerk issues, the hubs and the district node die; afterwards the central node too
    chaos = new Chaos(cluster, [NATIONAL_HUB, PROVINCE_HUB, DISTRICT_NODE]);
    const running = chaos.run();
    const issued: string[] = [];
    for (const draft of drafts) issued.push((await issuePrepared(central, g22, VPCP, draft)).id);
    chaos.victims.push(CENTRAL_NODE);
    const deliveries = await central.sql<{ id: string; organ_id: string }>(
      `SELECT d.id, d.organ_id FROM delivery d WHERE d.entry_id = ANY($1::uuid[]) AND d.channel = 'exchange'`,
      [issued],
    );
    expect(deliveries).toHaveLength(DOCUMENTS * RECIPIENTS.length);
    const ids = deliveries.map((d) => d.id);
    await waitFor(
      'a quarter of the statuses 01 with the killing going on',
      () => arrivedCount(central, ids).then((n) => n >= ids.length / 4),
      900_000,
      1000,
    );
    await chaos.stop(running);
    expect(chaos.error).toBeUndefined();
    expect(new Set(chaos.kills.map((k) => k.name))).toEqual(
      new Set([NATIONAL_HUB, PROVINCE_HUB, DISTRICT_NODE, CENTRAL_NODE]),
    );

    await waitFor(
      'every delivery at status 01',
      () => arrivedCount(central, ids).then((n) => n === ids.length),
      900_000,
      1000,
    );

    // exactly one inbox entry per (document, recipient), in the recipient's own agency
    const entries = await district.sql<{ source_delivery_id: string; code: string; n: number }>(
      `SELECT e.source_delivery_id, a.code, count(*)::int AS n FROM register_entry e JOIN agency a ON a.id = e.agency_id
        WHERE e.direction = 'incoming' AND e.source_delivery_id = ANY($1::uuid[])
        GROUP BY e.source_delivery_id, a.code`,
      [ids],
    );
    const expected = new Map(deliveries.map((d) => [d.id, d.organ_id]));
    expect(entries.filter((e) => e.n !== 1)).toEqual([]);
    expect(entries).toHaveLength(ids.length);
    expect(entries.filter((e) => expected.get(e.source_delivery_id) !== e.code)).toEqual([]);

    // every delivery of the sender got its 01 once, none was refused or lost
    const statuses = await central.sql<{ delivery_id: string; n: number }>(
      `SELECT delivery_id, count(*)::int AS n FROM delivery_status WHERE code = '01' AND delivery_id = ANY($1::uuid[]) GROUP BY delivery_id`,
      [ids],
    );
    expect(statuses).toHaveLength(ids.length);
    expect(statuses.filter((s) => s.n !== 1)).toEqual([]);
    const failed = await central.sql(
      `SELECT id, state, status_code FROM delivery WHERE id = ANY($1::uuid[]) AND (state = 'failed' OR status_code = '02')`,
      [ids],
    );
    expect(failed).toEqual([]);
  }, 3_600_000);
});

async function arrivedCount(central: ClusterInstallation, ids: string[]): Promise<number> {
  const [{ n }] = await central.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM delivery WHERE id = ANY($1::uuid[]) AND status_code IS NOT NULL`,
    [ids],
  );
  return n;
}

/**
 * Kills one victim at a time with SIGKILL, at a random moment 2–6 s after the last one is back,
 * and starts it again 0.5–2 s later: every victim dies at least once per round, in random order.
 */
class Chaos {
  readonly kills: { name: string; at: number }[] = [];
  /** What went wrong killing or starting a process (the test fails on it). */
  error: unknown;
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly victims: string[],
  ) {}

  run(): Promise<void> {
    this.running = this.loop().catch((error: unknown) => {
      this.error = error;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const round = [...this.victims].sort(() => Math.random() - 0.5);
      for (const name of round) {
        if (this.stopping) return;
        await sleep(2000 + Math.random() * 4000);
        const installation = this.cluster.get(name);
        await installation.kill9();
        this.kills.push({ name, at: Date.now() });
        await sleep(500 + Math.random() * 1500);
        await installation.start();
      }
    }
  }

  /** Stops once every victim died at least once, after the kill in progress; every victim runs again. */
  async stop(running: Promise<void>): Promise<void> {
    while (!this.error && new Set(this.kills.map((k) => k.name)).size < this.victims.length) await sleep(500);
    this.stopping = true;
    await running;
  }

  /** Stops at once (after the kill in progress), whatever was killed. */
  async halt(): Promise<void> {
    this.stopping = true;
    await this.running;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
