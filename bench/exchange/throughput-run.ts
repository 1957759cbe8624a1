import { CENTRAL_NODE, type Cluster } from '../../test/kit/cluster';
import {
  countLostAndDuplicated,
  issueDocuments,
  prepareDocuments,
  watchArrivals,
  type DocumentRunInput,
} from './document-run';
import { CpuMeter } from './cpu-meter';
import { RssSampler } from './rss-sampler';

export interface ThroughputResult {
  readonly documents: number;
  readonly arrived: number;
  readonly docsPerSecond: number;
  readonly seconds: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly peakRssMb: ReadonlyMap<string, number>;
  /** CPU ms each installation's Node process and PostgreSQL used from the restart to the last 01. */
  readonly cpuMs: ReadonlyMap<string, { readonly node: number; readonly pg: number }>;
  /** The consignments (the sender's delivery ids). */
  readonly ids: readonly string[];
}

export interface LatencyResult {
  /** Issue call returned → status 01 seen at the sender, per document, in ms. */
  readonly latencies: readonly number[];
  readonly lost: number;
  readonly duplicated: number;
  readonly peakRssMb: ReadonlyMap<string, number>;
  /** The consignments (the sender's delivery ids). */
  readonly ids: readonly string[];
}

/** The pid of each installation's process, by its name. */
export function processPids(cluster: Cluster): () => Map<string, number | undefined> {
  return () => new Map(cluster.all().map((installation) => [installation.name, installation.pid()]));
}

/**
 * Throughput: the run's documents are issued while the central node runs without its exchange
 * workers (VANTHU_EXCHANGE_WORKERS=false: their deliveries wait, unpackaged), then it restarts with
 * them and the whole backlog goes through both hubs to the district node and status 01 comes back.
 * Documents per second = documents / (first package queued → last 01 seen at the sender): the
 * exchange's capacity, not the clerks' issuing speed.
 */
export async function runThroughput(cluster: Cluster, input: DocumentRunInput): Promise<ThroughputResult> {
  const central = cluster.get(CENTRAL_NODE);
  await central.restartWith(0, { VANTHU_EXCHANGE_WORKERS: 'false' });
  const drafts = await prepareDocuments(cluster, input);
  const issued = await issueDocuments(cluster, drafts, input.concurrency);
  const ids = issued.map((d) => d.deliveryId);
  input.log(`${input.label}: ${issued.length} issued with the workers off; restarting with them`);
  await central.restartWith(0, { VANTHU_EXCHANGE_WORKERS: 'true' });
  const sampler = new RssSampler(processPids(cluster));
  const cpu = await CpuMeter.start(cluster);
  const seen = await watchArrivals(cluster, ids, 60 * 60_000, (n) =>
    input.log(`${input.label}: ${n}/${ids.length} with status 01 at the sender`),
  );
  const cpuMs = await cpu.stop();
  const peakRssMb = sampler.stop();
  const [{ first }] = await central.sql<{ first: Date }>(
    `SELECT min(first_queued_at) AS first FROM exchange_outbound WHERE consignment_id = ANY($1::uuid[])`,
    [ids],
  );
  const last = Math.max(...seen.values());
  const seconds = (last - first.getTime()) / 1000;
  const { lost, duplicated } = await countLostAndDuplicated(cluster, ids);
  return {
    documents: ids.length,
    arrived: seen.size,
    docsPerSecond: seen.size / seconds,
    seconds,
    lost,
    duplicated,
    peakRssMb,
    cpuMs,
    ids,
  };
}

/**
 * Latency: documents issued one after the other with every worker running; each one's time from
 * the issue call's answer to status 01 seen at the sender.
 */
export async function runLatency(cluster: Cluster, input: DocumentRunInput): Promise<LatencyResult> {
  const drafts = await prepareDocuments(cluster, input);
  const sampler = new RssSampler(processPids(cluster));
  const latencies: number[] = [];
  const ids: string[] = [];
  for (const draft of drafts) {
    const [issued] = await issueDocuments(cluster, [draft], 1);
    ids.push(issued.deliveryId);
    const seen = await watchArrivals(cluster, [issued.deliveryId], 5 * 60_000, undefined, 25);
    const at = seen.get(issued.deliveryId);
    if (at !== undefined) latencies.push(at - issued.issuedAt);
  }
  const peakRssMb = sampler.stop();
  input.log(`${input.label}: ${latencies.length}/${drafts.length} arrived one at a time`);
  return { latencies, ...(await countLostAndDuplicated(cluster, ids)), peakRssMb, ids };
}
