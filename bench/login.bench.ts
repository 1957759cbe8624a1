/**
 * What a login costs and what a burst of them does to the rest of the server. Prints JSON lines:
 *   login_scrypt_ms                 one password hash (scrypt N=2^15, r=8), in this process
 *   login_single_ms                 one login over HTTP to the built server, median of 9, one at a time
 *   login_50_parallel_{p50,p95,max}_ms_c<k>   50 users logging in at once, with at most k hashes at
 *                                   a time (VANTHU_PASSWORD_HASH_CONCURRENCY=k)
 *   login_50_parallel_per_s_c<k>    those 50 logins over the time the last one took
 *   ready_during_logins_p95_ms_c<k> /ready (a database ping and file-system checks on the libuv pool,
 *                                   as document reads and writes use it) asked one after another
 *                                   while the 50 logins run
 * k is 2 (the default) and 4 (libuv's pool size, so the hashes take every pool thread, as before the
 * limit). Run after `npm run build` (`npm run bench:login` does both).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { insertAgency, insertUser, TEST_PASSWORD } from '../test/kit/factories';
import { freePort } from '../test/kit/free-port';
import { BenchPostgres } from './registers/bench-postgres';

const MAIN = join(__dirname, '../apps/server/src/main.js');
const USERS = 50;

function emit(name: string, value: number, unit: string): void {
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function login(base: string, username: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} answered ${res.status}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

async function waitReady(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error('the server exited before it was ready');
    if (
      await fetch(`${base}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server was not ready within 2 minutes');
}

async function measure(url: string, concurrency: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-bench-login-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      VANTHU_HOST: '127.0.0.1',
      VANTHU_DATA_DIR: dataDir,
      VANTHU_DEMO_SEED: 'false',
      VANTHU_PASSWORD_HASH_CONCURRENCY: String(concurrency),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitReady(base, server);
    const single: number[] = [];
    for (let i = 0; i < 9; i++) single.push(await login(base, `user${(i % USERS) + 1}`));
    if (concurrency === 2) emit('login_single_ms', single.sort((a, b) => a - b)[4], 'ms');

    let storm = true;
    const ready: number[] = [];
    const probe = (async () => {
      while (storm) {
        const t = performance.now();
        await fetch(`${base}/ready`).then((r) => r.arrayBuffer());
        ready.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const started = performance.now();
    const times = await Promise.all(Array.from({ length: USERS }, (_, i) => login(base, `user${i + 1}`)));
    const total = performance.now() - started;
    storm = false;
    await probe;
    times.sort((a, b) => a - b);
    ready.sort((a, b) => a - b);
    emit(`login_50_parallel_p50_ms_c${concurrency}`, percentile(times, 50), 'ms');
    emit(`login_50_parallel_p95_ms_c${concurrency}`, percentile(times, 95), 'ms');
    emit(`login_50_parallel_max_ms_c${concurrency}`, times[times.length - 1], 'ms');
    emit(`login_50_parallel_per_s_c${concurrency}`, (USERS * 1000) / total, 'logins/s');
    emit(`ready_during_logins_p95_ms_c${concurrency}`, percentile(ready, 95), 'ms');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const salt = randomBytes(16);
  const hashes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    scryptSync(TEST_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    hashes.push(performance.now() - t);
  }
  emit('login_scrypt_ms', hashes.sort((a, b) => a - b)[2], 'ms');

  const pg = await BenchPostgres.start();
  try {
    const url = await pg.createMigrated('bench_login');
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    try {
      const agency = await insertAgency(ds, { code: '000.00.12.H15', name: "UBND huyện Ea H'Leo" });
      for (let i = 0; i < USERS; i++)
        await insertUser(ds, { agencyId: agency.id, username: `user${i + 1}`, roles: ['clerk'] });
    } finally {
      await ds.destroy();
    }
    for (const concurrency of [2, 4]) await measure(url, concurrency);
  } finally {
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
