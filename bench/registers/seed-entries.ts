/**
 * Seeds a migrated database with a realistic district's registers for the search benchmark: 15
 * agencies (a district People's Committee and 14 communes of Đắk Lắk), their units and staff, one
 * incoming and one outgoing register per agency and year, and `entries` register entries spread
 * over the working days of three years in the order they would have been written (so the heap is
 * laid out by date, agencies interleaved, as in production), with statuses, priorities, deadlines,
 * lead units and people, and the assignment rows behind them.
 *
 * Rows go in through multi-row `INSERT … SELECT FROM unnest($1::uuid[], …)` batches (no extra
 * dependency, about as fast as COPY here); `search_text` is built with the product's
 * buildSearchText, and PostgreSQL computes the generated `search_vector`. The secondary indexes
 * of register_entry and assignment are dropped for the load and rebuilt afterwards from their
 * exact definitions (pg_get_indexdef), the usual bulk-load practice; foreign-key triggers are off
 * during the load; then VACUUM ANALYZE, as autovacuum would have left a long-lived database.
 *
 * Standalone: `node dist/bench/registers/seed-entries.js <postgres-url> [entries]` on a migrated database.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildSearchText } from '../../libs/registers/src/entries/search-text';
import { ASSIGNMENT_COLUMNS, dropSecondaryIndexes, ENTRY_COLUMNS, insertBatch, type Row } from './bulk-load';
import { createWorld, type SeededAgency } from './seed-world';
import {
  personName,
  pick,
  POSITIONS,
  type Random,
  seededRandom,
  sender,
  subjectFor,
  TYPE_ABBREVIATIONS,
  TYPE_WEIGHTS,
  weighted,
} from './vietnamese-subjects';

export interface SeedOptions {
  entries: number;
  /** The last day of data, `YYYY-MM-DD` (entries cover 1 January two years earlier up to it). */
  today: string;
  seed?: number;
  log?: (line: string) => void;
}

export interface SeedResult {
  agencies: SeededAgency[];
  years: number[];
  entries: number;
  assignments: number;
  seconds: number;
}

const BATCH = 5000;
function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** An instant on `date` during office hours, Vietnam time. */
function officeTime(random: Random, date: string): Date {
  return new Date(Date.parse(`${date}T01:00:00Z`) + Math.floor(random() * 9 * 3600_000));
}

const OPEN_RECENT = [
  ['registered', 20],
  ['assigned', 30],
  ['in_progress', 30],
  ['closed', 18],
  ['received', 2],
] as const;
const OPEN_OLD = [
  ['closed', 88],
  ['in_progress', 4],
  ['assigned', 3],
  ['registered', 3],
  ['returned', 2],
] as const;
const OUTGOING_RECENT = [
  ['issued', 80],
  ['draft', 8],
  ['reviewing', 5],
  ['approving', 4],
  ['signed', 3],
] as const;
const PRIORITY_WEIGHTS = [
  ['normal', 85],
  ['urgent', 10],
  ['very_urgent', 4],
  ['flash', 1],
] as const;

/**
 * Seeds the migrated database at `url`. Two connections write alternate batches (the machine has
 * two cores and one PostgreSQL backend uses one), with foreign-key triggers off for the load
 * (session_replication_role = replica): the generator only refers to rows it created.
 */
export async function seedEntries(url: string, options: SeedOptions): Promise<SeedResult> {
  const writers = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all(writers.map((w) => w.connect()));
  try {
    return await seedWith(writers, options);
  } finally {
    await Promise.all(writers.map((w) => w.end()));
  }
}

async function seedWith(writers: Client[], options: SeedOptions): Promise<SeedResult> {
  const [client] = writers;
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 20_261_125);
  const lastYear = Number(options.today.slice(0, 4));
  const years = [lastYear - 2, lastYear - 1, lastYear];
  const days = workingDays(`${years[0]}-01-01`, options.today);
  const { agencies } = await createWorld(client, years);
  const typeNames = new Map(
    (await client.query<{ code: string; name: string }>('SELECT code, name FROM document_type')).rows.map(
      (t) => [t.code, t.name],
    ),
  );
  // The district writes about four times what a commune does.
  const agencyWeights = agencies.map((a, i) => [a, i === 0 ? 4 : 1] as const);
  const counters = new Map<string, number>();

  const dropped = await dropSecondaryIndexes(client);
  for (const w of writers) await w.query('SET session_replication_role = replica');
  let entryRows: Row[] = [];
  let assignmentRows: Row[] = [];
  let assignments = 0;
  const inFlight: Promise<void>[] = writers.map(() => Promise.resolve());
  let turn = 0;
  const flush = async () => {
    const [entries, links] = [entryRows, assignmentRows];
    entryRows = [];
    assignmentRows = [];
    const w = turn++ % writers.length;
    await inFlight[w];
    // The next batch is generated while PostgreSQL writes this one.
    inFlight[w] = insertBatch(writers[w], 'register_entry', ENTRY_COLUMNS, entries).then(() =>
      insertBatch(writers[w], 'assignment', ASSIGNMENT_COLUMNS, links),
    );
  };

  for (let i = 0; i < options.entries; i++) {
    const date = days[Math.floor((i * days.length) / options.entries)];
    const year = Number(date.slice(0, 4));
    const age = daysBetween(date, options.today);
    const agency = weighted(random, agencyWeights);
    const incoming = random() < 0.6;
    const typeCode = weighted(random, TYPE_WEIGHTS);
    const status = incoming
      ? weighted(random, age <= 45 ? OPEN_RECENT : OPEN_OLD)
      : age <= 20
        ? weighted(random, OUTGOING_RECENT)
        : 'issued';
    const numbered = status !== 'received' && !['draft', 'reviewing', 'approving', 'signed'].includes(status);
    const registerId = numbered
      ? agency.registers.get(`${incoming ? 'incoming' : 'outgoing'}:${year}`)!
      : null;
    const number = registerId ? (counters.get(registerId) ?? 0) + 1 : null;
    if (registerId) counters.set(registerId, number!);
    const createdAt = officeTime(random, date);
    const abbr = TYPE_ABBREVIATIONS[typeCode];
    const unitIndex = Math.floor(random() * agency.units.length);
    const handled = ['assigned', 'in_progress', 'closed'].includes(status);
    const leadUnit = handled ? agency.units[unitIndex] : null;
    const leadUser = handled ? agency.users[2 + Math.floor(random() * (agency.users.length - 2))] : null;
    const dueDate = incoming && random() < 0.45 ? plusDays(date, 5 + Math.floor(random() * 25)) : null;
    const from = sender(random);
    const senderNumber = String(1 + Math.floor(random() * 2500));
    const entry = {
      subject: subjectFor(random, typeCode, year),
      codeNumber: incoming ? senderNumber : number !== null ? String(number).padStart(2, '0') : null,
      codeNotation: incoming
        ? abbr
          ? `${abbr}-${from.issuer}`
          : `${from.issuer}-${pick(random, ['VP', 'KT', 'NC', 'VX', 'TH'])}`
        : abbr
          ? `${abbr}-UBND`
          : `UBND-${['VP', 'TCKH', 'NV', 'NN', 'TNMT', 'VHXH'][unitIndex]}`,
      organName: incoming ? from.name : agency.name,
      organId: null,
      signerName: personName(random),
      description: null,
      toPlaces: incoming ? null : 'Như trên; Lưu: VT, VP.',
      documentIdentifier: null,
    };
    const id = randomUUID();
    const closedAt =
      status === 'closed' ? officeTime(random, plusDays(date, 1 + Math.floor(random() * 20))) : null;
    entryRows.push([
      id,
      agency.id,
      incoming ? 'incoming' : 'outgoing',
      status,
      registerId,
      number,
      registerId ? year : null,
      date,
      typeCode,
      entry.codeNumber,
      entry.codeNotation,
      incoming ? plusDays(date, -Math.floor(random() * 6)) : date,
      entry.subject,
      entry.organName,
      pick(random, POSITIONS),
      entry.signerName,
      weighted(random, PRIORITY_WEIGHTS),
      1 + Math.floor(random() * 8),
      entry.toPlaces,
      dueDate,
      incoming ? (random() < 0.7 ? 'exchange' : 'upload') : null,
      incoming ? createdAt : null,
      incoming ? null : agency.units[unitIndex],
      leadUnit,
      leadUser,
      closedAt,
      agency.users[2],
      createdAt,
      closedAt ?? createdAt,
      buildSearchText(entry, typeNames.get(typeCode) ?? null),
    ]);
    if (leadUnit) {
      const assignedAt = officeTime(random, plusDays(date, 1));
      const deadline = dueDate ?? plusDays(date, 15);
      assignmentRows.push([
        randomUUID(),
        id,
        'lead',
        leadUnit,
        leadUser,
        deadline,
        agency.leaders[0],
        assignedAt,
      ]);
      assignments++;
      if (random() < 0.3) {
        const other = agency.units[(unitIndex + 1 + Math.floor(random() * 5)) % agency.units.length];
        assignmentRows.push([
          randomUUID(),
          id,
          'cooperate',
          other,
          null,
          deadline,
          agency.leaders[0],
          assignedAt,
        ]);
        assignments++;
      }
    }
    if (entryRows.length >= BATCH) await flush();
    if ((i + 1) % 100_000 === 0)
      log(`seeded ${i + 1} entries (${Math.round(performance.now() - started) / 1000} s)`);
  }
  await flush();
  await Promise.all(inFlight);
  log(`loaded in ${Math.round(performance.now() - started) / 1000} s; rebuilding ${dropped.length} indexes`);
  // Each writer builds its share of the indexes, the two at once (CREATE INDEX takes a SHARE lock).
  await Promise.all(
    writers.map(async (w, i) => {
      await w.query('RESET session_replication_role');
      await w.query(`SET maintenance_work_mem = '256MB'`);
      for (const definition of dropped.filter((_, k) => k % writers.length === i)) await w.query(definition);
    }),
  );
  log(`indexed in ${Math.round(performance.now() - started) / 1000} s; VACUUM ANALYZE`);
  await Promise.all([
    writers[0].query('VACUUM ANALYZE register_entry'),
    writers[1 % writers.length].query('VACUUM ANALYZE assignment'),
  ]);
  return {
    agencies: agencies.map(({ id, code, units, users }) => ({ id, code, units, users })),
    years,
    entries: options.entries,
    assignments,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const [url, count] = process.argv.slice(2);
  if (!url) throw new Error('usage: seed-entries.js <postgres-url-of-a-migrated-database> [entries]');
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const result = await seedEntries(url, {
    entries: Number(count ?? 1_000_000),
    today,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`seeded ${result.entries} entries in ${result.seconds.toFixed(1)} s\n`);
}

if (require.main === module) void main();
