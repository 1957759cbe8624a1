import { type Cluster, peerRequest } from '../../test/kit/cluster';
import type { NetworkPlan } from '../../test/kit/cluster';

export const POLL_HUB = 'hub-bench';
export const POLLER = 'node-poller';
export const OTHER_POLLER = 'node-other';

/** One hub and two poll-only nodes that are never started: the benchmark polls as them. */
export const POLL_PLAN: NetworkPlan = {
  installations: [
    { name: POLL_HUB, role: 'hub', title: 'Trục thử tải', world: 'none', identityAgencies: [], routes: {} },
    { name: POLLER, role: 'node', title: 'Nút lấy tin', world: 'none', identityAgencies: [], routes: {} },
    { name: OTHER_POLLER, role: 'node', title: 'Nút khác', world: 'none', identityAgencies: [], routes: {} },
  ],
  links: [
    { from: POLLER, to: POLL_HUB, mode: 'poll' },
    { from: OTHER_POLLER, to: POLL_HUB, mode: 'poll' },
  ],
};

/**
 * Seeds the hub's mailbox directly (one INSERT … SELECT generate_series, then ANALYZE as autovacuum
 * would): `items` packages waiting for the poller, none for the other node.
 */
export async function seedMailbox(cluster: Cluster, items: number): Promise<void> {
  const hub = cluster.get(POLL_HUB);
  const [peer] = await hub.sql<{ id: string }>(`SELECT id FROM exchange_peer WHERE name = $1`, [POLLER]);
  await hub.sql(
    `INSERT INTO exchange_mailbox (peer_id, consignment_id, storage_key, sha256, size, state, created_at)
     SELECT $1, gen_random_uuid(), 'bench/' || g, lpad(to_hex(g), 64, '0'), 102400, 'waiting',
            now() - make_interval(secs => $2 - g)
       FROM generate_series(1, $2::int) AS g`,
    [peer.id, items],
  );
  await hub.sql('ANALYZE exchange_mailbox');
}

/**
 * Signed mailbox polls over HTTP, one at a time, as a node resuming from a cursor anywhere in its
 * backlog (`after` random, 100 items): each poll's time in ms. `as` polls for a node with nothing
 * waiting when given OTHER_POLLER.
 */
export async function measurePolls(cluster: Cluster, as: string, polls: number): Promise<number[]> {
  const hub = cluster.get(POLL_HUB);
  const credentials = cluster.get(as).credentials();
  const [{ max }] = await hub.sql<{ max: string }>(
    'SELECT coalesce(max(seq), 0) AS max FROM exchange_mailbox',
  );
  const times: number[] = [];
  for (let i = 0; i < polls; i += 1) {
    const after = Math.floor(Math.random() * Number(max));
    const started = process.hrtime.bigint();
    const res = await peerRequest(
      hub.url,
      credentials,
      'GET',
      `/exchange/v1/mailbox?after=${after}&limit=100`,
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.status !== 200) throw new Error(`poll as ${as}: ${res.status} ${res.text}`);
    if (as === POLLER && (res.json as { items: unknown[] }).items.length === 0 && after < Number(max) - 100)
      throw new Error(`poll as ${as} after ${after}: no items, but the mailbox holds them`);
  }
  return times;
}

/**
 * The hub's mailbox query alone, as its repository runs it (same statement, random cursor, 100
 * items), timed by PostgreSQL itself (EXPLAIN ANALYZE: planning + execution, no connection or
 * network): each query's time in ms, to tell the database's share of a poll from HTTP, the request
 * signature and the event loop.
 */
export async function measureMailboxQuery(cluster: Cluster, as: string, queries: number): Promise<number[]> {
  const hub = cluster.get(POLL_HUB);
  const [peer] = await hub.sql<{ id: string }>(`SELECT id FROM exchange_peer WHERE name = $1`, [as]);
  const [{ max }] = await hub.sql<{ max: string }>(
    'SELECT coalesce(max(seq), 0) AS max FROM exchange_mailbox',
  );
  const times: number[] = [];
  for (let i = 0; i < queries; i += 1) {
    const after = Math.floor(Math.random() * Number(max));
    const [row] = await hub.sql<{ 'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON)
       SELECT seq, consignment_id, sha256, size FROM exchange_mailbox
        WHERE peer_id = $1 AND state = 'waiting' AND seq > $2 ORDER BY seq LIMIT $3`,
      [peer.id, after, 100],
    );
    const [plan] = row['QUERY PLAN'];
    times.push(plan['Planning Time'] + plan['Execution Time']);
  }
  return times;
}
