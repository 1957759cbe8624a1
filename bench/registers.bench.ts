/**
 * Registers and workflow throughput and search latency, on the product's embedded PostgreSQL with
 * its default settings. Prints one JSON line { name, value, unit } per figure:
 *   numbers_per_s          outgoing numbers issued per second by 50 concurrent clients on one
 *                          register (number + entry + audit event per issue, committed in the
 *                          agency's group-commit transactions as IssueOutgoing does)
 *   registrations_per_s    incoming registrations per second over HTTP, 16 clerks, each a different
 *                          100 KB PDF (so each is stored as its own file, fsynced, as real uploads are)
 *   registrations_<n>_servers_per_s the same with n server processes sharing the database (--servers)
 *   registrations_cpu_{server,postgres,client}_ms, registrations_busy_pct, registrations_steal_pct
 *                          where the CPU went during that run (from /proc), per registration, and
 *                          how much of the VM's CPU time the hypervisor took (steal)
 *   search_p50_ms, search_p95_ms (and search_p99_ms, search_mean_ms)
 *                          one search at a time over 1,000,000 seeded entries: diacritics-free
 *                          words with agency, year and sometimes type, status, overdue or period
 *   search_entries, search_seed_s   the database searched and how long seeding it took
 * Options: --data-dir <dir> keeps the PostgreSQL cluster there (the seeded search database is
 * reused while the seed and the migrations are unchanged); --entries <n> (default 1000000);
 * --queries <n> (default 400); --issues <n> (default 5000); --registrations <n> (default 2000);
 * --only numbers|registrations|search; --servers <n,m> (default 1: registration runs once per count
 * given, with that many server processes). Progress goes to stderr.
 */
import { BenchPostgres } from './registers/bench-postgres';
import { runNumbersBench } from './registers/numbers-bench';
import { runRegistrationsBench } from './registers/registrations-bench';
import { runSearchBench } from './registers/search-bench';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));
}

const log = (line: string): void => {
  process.stderr.write(`[bench:registers] ${line}\n`);
};

async function main(): Promise<void> {
  const only = option('only');
  const wants = (part: string) => !only || only === part;
  const pg = await BenchPostgres.start(option('data-dir'));
  try {
    if (wants('numbers')) {
      const issues = Number(option('issues') ?? 5000);
      const clients = Number(option('clients') ?? 50);
      log(`numbering: ${issues} issues by ${clients} clients`);
      const r = await runNumbersBench(pg, issues, clients);
      emit(
        'numbers_per_s',
        r.perSecond,
        `numbers/s (${r.clients} concurrent clients, one register, ${r.issued} issues, numbers checked 1..${r.issued})`,
      );
    }
    if (wants('registrations')) {
      const count = Number(option('registrations') ?? 2000);
      for (const servers of (option('servers') ?? '1').split(',').map(Number)) {
        log(`registrations: ${count} uploads by 16 clerks over HTTP to ${servers} server process(es)`);
        const r = await runRegistrationsBench(pg, count, 16, servers);
        emit(
          servers === 1 ? 'registrations_per_s' : `registrations_${servers}_servers_per_s`,
          r.perSecond,
          `registrations/s (HTTP, ${r.clients} clerks, ${r.servers} server process(es), a different ${Math.round(r.pdfBytes / 1024)} KB PDF each, ${r.registered} registrations)`,
        );
        const suffix = servers === 1 ? '' : `_${servers}_servers`;
        for (const [part, ms] of Object.entries(r.cpuPerRegistration))
          emit(
            `registrations${suffix}_cpu_${part}_ms`,
            ms,
            `CPU ms per registration (${part}, all its threads)`,
          );
        emit(`registrations${suffix}_busy_pct`, r.busyShare * 100, '% of both cores busy while registering');
        emit(
          `registrations${suffix}_steal_pct`,
          r.stealShare * 100,
          '% of both cores taken by the hypervisor for other guests while registering (steal)',
        );
      }
    }
    if (wants('search')) {
      const entries = Number(option('entries') ?? 1_000_000);
      log(`search: ${entries} entries (seeding them unless kept)`);
      const r = await runSearchBench(pg, { entries, queries: Number(option('queries') ?? 400), log });
      emit(
        'search_p50_ms',
        r.p50,
        `ms (${r.queries} queries with filters, one at a time, ${r.entries} entries)`,
      );
      emit(
        'search_p95_ms',
        r.p95,
        `ms (${r.queries} queries with filters, one at a time, ${r.entries} entries)`,
      );
      emit('search_p99_ms', r.p99, 'ms');
      emit('search_mean_ms', r.mean, 'ms');
      emit('search_entries', r.entries, 'register entries searched');
      emit(
        'search_seed_s',
        r.seedSeconds,
        r.cached ? 's (seeded by an earlier run, database kept)' : 's (seeding in this run)',
      );
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  log(`FAILED: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
});
