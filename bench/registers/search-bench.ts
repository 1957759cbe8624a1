import { Client } from 'pg';
import type { Role } from '../../libs/identity/src/auth/principal';
import { createDataSource } from '../../libs/persistence/src/data-source-factory';
import { Database } from '../../libs/persistence/src/database';
import { MIGRATIONS } from '../../libs/persistence/src/migrations';
import type { EntryStatus } from '../../libs/registers/src/entries/register-entry.entity';
import { EntrySearchRepository } from '../../libs/registers/src/search/entry-search.repository';
import {
  type SearchEntriesInput,
  SearchEntriesUseCase,
} from '../../libs/registers/src/search/search-entries.use-case';
import { SystemClock } from '../../libs/shared/src/clock';
import { ALL_ENTITIES } from '../../test/kit/all-entities';
import type { BenchPostgres } from './bench-postgres';
import { seedEntries } from './seed-entries';
import { pick, type Random, seededRandom } from './vietnamese-subjects';

/** Bump when the seed's data changes, so a kept database is seeded again. */
const SEED_VERSION = 'registers-seed-2';
const DATABASE = 'bench_search';

export interface SearchBenchResult {
  entries: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Seeding time of this run, or of the run that seeded the kept database. */
  seedSeconds: number;
  cached: boolean;
}

interface SeededAgency {
  id: string;
  userId: string;
}

/** What clerks type: diacritics-free words, a last word cut short, number-notations. */
const TEXTS: readonly (readonly [text: string, type?: string])[] = [
  ['quyet dinh phe duyet', 'QD'],
  ['quyet dinh thanh lap ban chi dao', 'QD'],
  ['ke hoach phong chong', 'KH'],
  ['ke hoach trien khai chuyen doi so', 'KH'],
  ['bao cao tinh hinh', 'BC'],
  ['bao cao ket qua thuc hien giam ngheo', 'BC'],
  ['giay moi hop', 'GM'],
  ['to trinh de nghi phe duy', 'TTR'],
  ['thong bao ket luan', 'TB'],
  ['phong chong thien tai ea sol'],
  ['tai canh ca phe'],
  ['v/v don doc thuc hien'],
  ['cong an tinh dak lak'],
  ['so tai chinh'],
  ['phe duy'],
];

function queryText(random: Random): { q: string; type?: string } {
  const r = random();
  if (r < 0.12) return { q: `${1 + Math.floor(random() * 400)}/qd-ubnd`, type: 'QD' };
  if (r < 0.18)
    return { q: `${1 + Math.floor(random() * 2500)}/${pick(random, ['ubnd-vp', 'stc-vp', 'bc-snv'])}` };
  const [q, type] = pick(random, TEXTS);
  return { q, type };
}

/** A realistic search: the words, the agency, a year, and sometimes type, status, overdue or a period. */
function randomQuery(random: Random, years: number[]): Omit<SearchEntriesInput, 'principal' | 'agencyId'> {
  const { q, type } = queryText(random);
  const year = random() < 0.5 ? years[years.length - 1] : pick(random, years);
  const query: Omit<SearchEntriesInput, 'principal' | 'agencyId'> = { q, year };
  if (type && random() < 0.3) query.type = type;
  const r = random();
  if (r < 0.15) query.status = ['closed'];
  else if (r < 0.3) query.status = ['registered', 'assigned', 'in_progress'] as EntryStatus[];
  if (random() < 0.1) query.overdue = true;
  if (random() < 0.2) {
    const month = 1 + Math.floor(random() * 10);
    query.from = `${year}-${String(month).padStart(2, '0')}-01`;
    query.to = `${year}-${String(month + 2).padStart(2, '0')}-28`;
  }
  if (random() < 0.15) query.direction = random() < 0.5 ? 'incoming' : 'outgoing';
  return query;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Search latency over `entries` seeded register entries: `queries` realistic searches (one in
 * seven asks for the second page), one at a time through SearchEntriesUseCase after a warm-up,
 * timed from the call to the mapped page.
 */
export async function runSearchBench(
  pg: BenchPostgres,
  options: { entries: number; queries: number; log: (line: string) => void },
): Promise<SearchBenchResult> {
  const version = `${SEED_VERSION}:${options.entries}:${MIGRATIONS.map((m) => m.name).join(',')}`;
  const kept = await keptSeed(pg, version);
  const seedSeconds = kept ?? (await seed(pg, version, options));

  const dataSource = createDataSource({ url: pg.url(DATABASE), entities: ALL_ENTITIES });
  await dataSource.initialize();
  try {
    const agencies: SeededAgency[] = await dataSource.query(
      `SELECT a.id, (SELECT u.id FROM app_user u WHERE u.agency_id = a.id ORDER BY u.username LIMIT 1) AS "userId"
         FROM agency a ORDER BY a.code`,
    );
    const [{ n, years }] = await dataSource.query(
      `SELECT count(*)::int AS n, array_agg(DISTINCT year ORDER BY year) FILTER (WHERE year IS NOT NULL) AS years FROM register_entry`,
    );
    const search = new SearchEntriesUseCase(
      new EntrySearchRepository(new Database(dataSource)),
      new SystemClock(),
    );
    const run = async (random: Random): Promise<number> => {
      const agency = pick(random, agencies);
      const role: Role = 'specialist';
      const principal = {
        userId: agency.userId,
        username: 'bench',
        fullName: 'Bench',
        agencyId: agency.id,
        roles: [{ agencyId: agency.id, role }],
        sessionId: 'bench',
      };
      const query = { principal, agencyId: agency.id, ...randomQuery(random, years) };
      let cursor: string | undefined;
      if (random() < 1 / 7) cursor = (await search.execute(query)).nextCursor ?? undefined;
      const started = performance.now();
      await search.execute({ ...query, cursor });
      return performance.now() - started;
    };

    const warm = seededRandom(99);
    for (let i = 0; i < 60; i++) await run(warm);
    const random = seededRandom(2026);
    const times: number[] = [];
    for (let i = 0; i < options.queries; i++) times.push(await run(random));
    times.sort((a, b) => a - b);
    return {
      entries: n,
      queries: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      mean: times.reduce((s, t) => s + t, 0) / times.length,
      seedSeconds,
      cached: kept !== null,
    };
  } finally {
    await dataSource.destroy();
  }
}

/** The seeding time recorded in a kept database seeded the same way, or null. */
async function keptSeed(pg: BenchPostgres, version: string): Promise<number | null> {
  if (!(await pg.exists(DATABASE))) return null;
  const client = new Client({ connectionString: pg.url(DATABASE) });
  await client.connect();
  try {
    // A database from an interrupted seed has no bench_seed table: seed it again.
    const { rows } = await client
      .query<{ version: string; seconds: number }>('SELECT version, seconds FROM bench_seed')
      .catch(() => ({ rows: [] as { version: string; seconds: number }[] }));
    return rows[0]?.version === version ? rows[0].seconds : null;
  } finally {
    await client.end();
  }
}

async function seed(
  pg: BenchPostgres,
  version: string,
  options: { entries: number; log: (line: string) => void },
): Promise<number> {
  const url = await pg.createMigrated(DATABASE);
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const result = await seedEntries(url, { entries: options.entries, today, log: options.log });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_seed (version text NOT NULL, seconds real NOT NULL)');
    await client.query('INSERT INTO bench_seed (version, seconds) VALUES ($1, $2)', [
      version,
      result.seconds,
    ]);
  } finally {
    await client.end();
  }
  options.log(
    `seeded ${result.entries} entries and ${result.assignments} assignments in ${result.seconds.toFixed(1)} s`,
  );
  return result.seconds;
}
