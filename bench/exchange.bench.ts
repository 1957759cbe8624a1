/**
 * The exchange between installations (issue 16), on the four levels of `npm run demo:network`: the
 * central node (Văn phòng Chính phủ) sends to the district node (Ea H'Leo) through the national and
 * the Đắk Lắk hubs, each installation a process with its own embedded PostgreSQL. Prints one JSON
 * line { name, value, unit } per figure:
 *   exchange_docs_per_s_100kb, exchange_docs_per_s_5mb
 *        a backlog of documents (issued while the central node ran without its exchange workers)
 *        through both hubs to the district node, status 01 back: documents / (first package queued
 *        → last 01 seen at the sender)
 *   exchange_issue_to_01_p50_ms, exchange_issue_to_01_p95_ms
 *        100 KB documents issued one after the other: the issue call's answer → status 01 seen in
 *        the sender's database (watched every 25 ms)
 *   exchange_hop_p50_ms_<run>_<hop>, exchange_hop_p95_ms_<run>_<hop>   the same documents hop by hop
 *        from the timestamps each installation writes (bench/exchange/hop-breakdown.ts)
 *   exchange_cpu_ms_per_doc_<run>[_<installation>_node|_pg], exchange_docs_per_s_cpu_ceiling_<run>
 *        CPU time per document of each installation's Node process and PostgreSQL during a
 *        throughput run (/proc), and the rate the machine's cores could carry at that cost
 *   exchange_peak_rss_mb_<installation>   highest resident memory of each installation's Node
 *        process while documents travel (its PostgreSQL apart)
 *   exchange_lost, exchange_duplicated    documents without an inbox entry at the district node,
 *        and entries beyond one per document (must be 0)
 *   hub_poll_p95_ms_1m (and _p50_ms_1m, hub_poll_p95_ms_1m_other_node)
 *        a hub holding 1,000,000 undelivered packages for one poll-only node (seeded with
 *        generate_series): its signed mailbox polls over HTTP from a random cursor, 100 items, one at
 *        a time; and the polls of a node with nothing waiting; hub_poll_sql_p95_ms_1m: the same
 *        query timed inside PostgreSQL (the database's share of a poll)
 * Options: --docs-100kb <n> (200), --docs-5mb <n> (20), --latency-docs <n> (40), --concurrency <n>
 * (4 clients issuing), --district-mode push|poll (push: the district node has an inbound port),
 * --mailbox-items <n> (1000000), --polls <n> (300), --only throughput|latency|poll.
 * Progress goes to stderr. Run after `npm run build` (npm run bench:exchange does both).
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DEMO_DISTRICT_CODE } from '@vanthu/directory';
import { nd30Pdf } from '../libs/signing/test-fixtures/nd30-document';
import { Cluster, fourLevelPlan } from '../test/kit/cluster';
import { samplePdf } from './registers/sample-pdf';
import { scannedPdf } from './helpers/scanned-pdf';
import type { DocumentRunInput } from './exchange/document-run';
import {
  measureMailboxQuery,
  measurePolls,
  OTHER_POLLER,
  POLL_HUB,
  POLL_PLAN,
  POLLER,
  seedMailbox,
} from './exchange/hub-poll-run';
import { hopBreakdown } from './exchange/hop-breakdown';
import { runLatency, runThroughput } from './exchange/throughput-run';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));
}

const log = (line: string): void => {
  process.stderr.write(`[bench:exchange] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
};

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** exchange_hop_p50_ms_<run>_<hop> and _p95_: where each consignment's time went (hop-breakdown.ts). */
async function emitHops(cluster: Cluster, run: string, ids: readonly string[]): Promise<void> {
  for (const [hop, times] of await hopBreakdown(cluster, ids))
    for (const p of [50, 95])
      emit(`exchange_hop_p${p}_ms_${run}_${hop}`, percentile(times, p), `ms, ${times.length} consignments`);
}

/**
 * exchange_cpu_ms_per_doc_<run>_<installation>_node|_pg and exchange_cpu_ms_per_doc_<run>: CPU per
 * document (its package and its status 01 through every hop), and the documents per second this
 * machine's cores could carry at that cost (exchange_docs_per_s_cpu_ceiling_<run>).
 */
function emitCpu(
  run: string,
  cpuMs: ReadonlyMap<string, { readonly node: number; readonly pg: number }>,
  documents: number,
): void {
  let total = 0;
  for (const [name, { node, pg }] of cpuMs) {
    emit(
      `exchange_cpu_ms_per_doc_${run}_${name}_node`,
      node / documents,
      'ms CPU per document, Node process',
    );
    emit(`exchange_cpu_ms_per_doc_${run}_${name}_pg`, pg / documents, 'ms CPU per document, its PostgreSQL');
    total += node + pg;
  }
  emit(`exchange_cpu_ms_per_doc_${run}`, total / documents, 'ms CPU per document, all installations');
  const cores = availableParallelism();
  emit(
    `exchange_docs_per_s_cpu_ceiling_${run}`,
    (cores * 1000 * documents) / total,
    `documents/s if the ${cores} cores did nothing else at that CPU cost`,
  );
}

/**
 * The product's own exchange timings (libs/config defaults) over the test kit's fast ones: a
 * background poll every 250 ms in each of the four processes is test speed, not what runs.
 */
const PRODUCT_TIMINGS: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'warn',
  VANTHU_EXCHANGE_POLL_INTERVAL: '2s',
  VANTHU_EXCHANGE_BACKOFF_BASE: '2s',
  VANTHU_EXCHANGE_BACKOFF_CAP: '15m',
  VANTHU_EXCHANGE_BREAKER_INTERVAL: '30s',
  VANTHU_EXCHANGE_TIMEOUT: '60s',
};

async function documentBenches(wants: (part: string) => boolean): Promise<void> {
  const mode = option('district-mode') === 'poll' ? 'poll' : 'push';
  const concurrency = Number(option('concurrency') ?? 4);
  log(`starting the four installations (district node: ${mode})`);
  const cluster = await Cluster.start({
    plan: fourLevelPlan({ districtMode: mode }),
    settings: PRODUCT_TIMINGS,
  });
  const peaks = new Map<string, number>();
  const keepPeaks = (run: ReadonlyMap<string, number>) => {
    for (const [name, mb] of run) peaks.set(name, Math.max(peaks.get(name) ?? 0, mb));
  };
  let lost = 0;
  let duplicated = 0;
  let documents = 0;
  try {
    const leader = 'Trần Văn Sơn';
    const main = await nd30Pdf({ signerName: leader });
    const runId = `BENCH-${randomBytes(3).toString('hex')}`;
    const base = { concurrency, recipient: DEMO_DISTRICT_CODE, runId, log, pdf: main };
    const appendix100k = await samplePdf(100 * 1024 - main.length);
    const small: Omit<DocumentRunInput, 'label' | 'count'> = { ...base, attachments: [appendix100k] };
    const kb = Math.round((main.length + appendix100k.length) / 1024);

    if (wants('latency')) {
      const count = Number(option('latency-docs') ?? 40);
      const r = await runLatency(cluster, { ...small, label: 'latency', count });
      keepPeaks(r.peakRssMb);
      lost += r.lost;
      duplicated += r.duplicated;
      documents += count;
      const what = `ms, issue answered → status 01 seen at the sender, ${r.latencies.length} documents of ${kb} KB one at a time, district ${mode}`;
      emit('exchange_issue_to_01_p50_ms', percentile(r.latencies, 50), what);
      emit('exchange_issue_to_01_p95_ms', percentile(r.latencies, 95), what);
      await emitHops(cluster, 'latency', r.ids);
    }
    if (wants('throughput')) {
      for (const [label, count, attachments, size] of [
        ['100kb', Number(option('docs-100kb') ?? 200), [appendix100k], `${kb} KB`],
        ['5mb', Number(option('docs-5mb') ?? 20), [await readFile(await scannedPdf(5))], '5 MB'],
      ] as const) {
        if (count === 0) continue;
        const r = await runThroughput(cluster, { ...base, attachments, label, count });
        keepPeaks(r.peakRssMb);
        lost += r.lost;
        duplicated += r.duplicated;
        documents += count;
        emit(
          `exchange_docs_per_s_${label}`,
          r.docsPerSecond,
          `documents/s (${r.arrived}/${r.documents} documents of ${size}, central → national hub → province hub → district ${mode}, 01 back, in ${r.seconds.toFixed(1)} s)`,
        );
        emitCpu(label, r.cpuMs, r.documents);
        await emitHops(cluster, label, r.ids);
      }
    }
    for (const [name, mb] of peaks)
      emit(
        `exchange_peak_rss_mb_${name}`,
        mb,
        'MB, highest VmRSS of its Node process while documents travelled',
      );
    emit('exchange_lost', lost, `documents without an inbox entry at the district node (of ${documents})`);
    emit('exchange_duplicated', duplicated, `inbox entries beyond one per document (of ${documents})`);
  } finally {
    await cluster.stop();
  }
}

async function pollBench(): Promise<void> {
  const items = Number(option('mailbox-items') ?? 1_000_000);
  const polls = Number(option('polls') ?? 300);
  log('starting a hub for the mailbox poll');
  const cluster = await Cluster.start({
    plan: POLL_PLAN,
    idle: [POLLER, OTHER_POLLER],
    settings: { LOG_LEVEL: 'warn' },
  });
  try {
    const started = Date.now();
    await seedMailbox(cluster, items);
    log(`${items} waiting packages seeded in ${((Date.now() - started) / 1000).toFixed(0)} s; polling`);
    await measurePolls(cluster, POLLER, 20); // warm the connection, the plan and the cache
    const own = await measurePolls(cluster, POLLER, polls);
    const other = await measurePolls(cluster, OTHER_POLLER, polls);
    const query = await measureMailboxQuery(cluster, POLLER, polls);
    const what = `ms, signed GET /exchange/v1/mailbox over HTTP (random cursor, 100 items), ${polls} polls, ${items} packages waiting at ${POLL_HUB}`;
    emit('hub_poll_p50_ms_1m', percentile(own, 50), what);
    emit('hub_poll_p95_ms_1m', percentile(own, 95), what);
    emit(
      'hub_poll_p95_ms_1m_other_node',
      percentile(other, 95),
      `${what}, polled by a node with none waiting`,
    );
    emit(
      'hub_poll_sql_p95_ms_1m',
      percentile(query, 95),
      `ms, the mailbox query alone in the hub's PostgreSQL (EXPLAIN ANALYZE planning + execution), ${polls} random cursors, ${items} waiting`,
    );
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const only = option('only');
  const wants = (part: string) => !only || only === part;
  if (wants('latency') || wants('throughput')) await documentBenches(wants);
  if (wants('poll')) await pollBench();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
