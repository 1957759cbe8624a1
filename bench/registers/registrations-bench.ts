import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { addDays, vietnamDate } from '../../libs/registers/src/types/vietnam-date';
import { insertAgency, insertUser, TEST_PASSWORD } from '../../test/kit/factories';
import { freePort } from '../../test/kit/free-port';
import { cpuBetween, cpuSnapshot } from '../helpers/process-cpu';
import type { BenchPostgres } from './bench-postgres';
import { samplePdf } from './sample-pdf';
import { pick, seededRandom, sender, subjectFor } from './vietnamese-subjects';

const MAIN = join(__dirname, '../../apps/server/src/main.js');
/**
 * Registrations per clerk before the clock starts. The server is measured as it runs for days,
 * after V8 has compiled its hot paths: with 3 per clerk, V8's compiler threads were still taking
 * about a tenth of the machine well into the timed part (perf, 2026-11-26), and the same code
 * measured 15-45 registrations/s lower.
 */
const WARM_UP_PER_CLERK = 20;

export interface RegistrationsResult {
  perSecond: number;
  registered: number;
  clients: number;
  servers: number;
  pdfBytes: number;
  /** CPU ms per registration during the timed part: server processes, PostgreSQL, this client. */
  cpuPerRegistration: { server: number; postgres: number; client: number };
  /** Share of the machine's CPU time that was busy during the timed part (0..1), steal included. */
  busyShare: number;
  /** Share of it the hypervisor gave to other guests (0..1): the run is slower by about as much. */
  stealShare: number;
}

interface Clerk {
  agencyId: string;
  username: string;
  base?: string;
  token?: string;
}

/**
 * Incoming registrations over HTTP against the built server in its own process (as in
 * production), `clients` clerks of as many communes uploading at once: each request is a different
 * 100 KB PDF plus ND30 metadata through POST /incoming, i.e. RegisterIncomingUseCase with the PDF
 * inspected and its signatures verified, the file stored (written and fsynced: identical bytes
 * would be stored once and cost nothing), the arrival number, the entry and the audit event. Every
 * answer must be 201 and every agency's arrival numbers 1..k without a gap.
 *
 * A Node process uses one core: with `servers` > 1 that many server processes share the database
 * and the data folder (as instances behind a load balancer would), the clerks spread over them.
 */
export async function runRegistrationsBench(
  pg: BenchPostgres,
  total: number,
  clients: number,
  serverCount = 1,
): Promise<RegistrationsResult> {
  const url = await pg.createMigrated('bench_http');
  const clerks = await createClerks(url, clients);
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-bench-http-'));
  const servers: { process: ChildProcess; base: string }[] = [];
  for (let i = 0; i < serverCount; i++) {
    const port = await freePort();
    const server = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        VANTHU_HOST: '127.0.0.1',
        VANTHU_DATA_DIR: dataDir,
        VANTHU_DEMO_SEED: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    servers.push({ process: server, base: `http://127.0.0.1:${port}` });
  }
  try {
    for (const server of servers) await waitReady(server.base, server.process);
    clerks.forEach((clerk, i) => (clerk.base = servers[i % servers.length].base));
    for (const clerk of clerks) clerk.token = await login(clerk.base!, clerk);
    const pdf = await samplePdf();
    // Kept-alive connections, one per clerk, as browsers keep theirs.
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const random = seededRandom(11);
    const today = vietnamDate(new Date());
    // Every upload's body is built before the clock starts: the client on this shared two-core
    // machine must take as little CPU as it can from the server it measures.
    const warm = clerks.length * WARM_UP_PER_CLERK;
    const uploads = Array.from({ length: warm + total }, (_, i) => {
      const n = i + 1;
      const from = sender(random);
      const metadata = {
        typeCode: 'CV',
        codeNumber: String(n),
        codeNotation: `${from.issuer}-VP`,
        issuedDate: addDays(today, -1),
        subject: subjectFor(random, pick(random, ['CV', 'QD', 'KH', 'BC', 'GM']), Number(today.slice(0, 4))),
        organName: from.name,
        signerPosition: 'Phó Chủ tịch',
        signerName: 'Nguyễn Văn An',
        priority: 'normal',
      };
      return multipart([
        { name: 'metadata', content: JSON.stringify(metadata) },
        { name: 'file', fileName: `cong-van-${n}.pdf`, content: uniquePdf(pdf, n) },
      ]);
    });
    let next = 0;
    const register = async (clerk: Clerk): Promise<void> => {
      const { status, body } = await post(
        agent,
        `${clerk.base}/api/v1/agencies/${clerk.agencyId}/incoming`,
        clerk.token!,
        uploads[next++],
      );
      if (status !== 201) throw new Error(`registration answered ${status}: ${body}`);
    };

    await Promise.all(
      clerks.map(async (clerk) => {
        for (let i = 0; i < WARM_UP_PER_CLERK; i++) await register(clerk);
      }),
    );
    let left = total;
    const processes = {
      server: servers.map((server) => server.process.pid!),
      postgres: 'comm:postgres' as const,
      client: [process.pid],
    };
    const cpuBefore = cpuSnapshot(processes);
    const started = performance.now();
    await Promise.all(
      clerks.map(async (clerk) => {
        while (left > 0) {
          left--;
          await register(clerk);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuBetween(cpuBefore, cpuSnapshot(processes));
    agent.destroy();
    await checkArrivalNumbers(url, warm + total);
    return {
      perSecond: total / seconds,
      registered: total,
      clients,
      servers: servers.length,
      pdfBytes: pdf.length,
      cpuPerRegistration: {
        server: cpu.byGroup.server / total,
        postgres: cpu.byGroup.postgres / total,
        client: cpu.byGroup.client / total,
      },
      busyShare: cpu.busyShare,
      stealShare: cpu.stealShare,
    };
  } finally {
    await Promise.all(servers.map((server) => stop(server.process)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function createClerks(url: string, count: number): Promise<Clerk[]> {
  const { DataSource } = await import('typeorm');
  const ds = new DataSource({ type: 'postgres', url });
  await ds.initialize();
  try {
    const clerks: Clerk[] = [];
    for (let i = 0; i < count; i++) {
      const agency = await insertAgency(ds, {
        code: `000.${String(i + 1).padStart(2, '0')}.12.H15`,
        name: `UBND xã số ${i + 1}`,
      });
      await insertUser(ds, { agencyId: agency.id, username: `vanthu${i + 1}`, roles: ['clerk'] });
      clerks.push({ agencyId: agency.id, username: `vanthu${i + 1}` });
    }
    return clerks;
  } finally {
    await ds.destroy();
  }
}

async function login(base: string, clerk: Clerk): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: clerk.username, password: TEST_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login of ${clerk.username} answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
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

/**
 * Every registration is there once with its own stored file, and each agency's arrival numbers
 * run 1..k without a gap.
 */
async function checkArrivalNumbers(url: string, expected: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number; gaps: number; files: number; objects: number }>(
      `SELECT (SELECT count(*)::int FROM register_entry WHERE direction = 'incoming') AS n,
              (SELECT count(*)::int FROM document_version) AS files,
              (SELECT count(DISTINCT sha256)::int FROM document_version) AS objects,
              (SELECT count(*)::int FROM (
                 SELECT register_id FROM register_entry GROUP BY register_id
                 HAVING count(*) <> max(number) OR min(number) <> 1 OR count(DISTINCT number) <> count(*)) g) AS gaps`,
    );
    const [check] = rows;
    if (check.n !== expected || check.files !== expected || check.objects !== expected || check.gaps !== 0)
      throw new Error(
        `registrations broke: expected ${expected} entries, each with its own stored file, without gaps; found ${JSON.stringify(check)}`,
      );
  } finally {
    await client.end();
  }
}

interface Part {
  name: string;
  content: string | Buffer;
  fileName?: string;
}

interface Multipart {
  contentType: string;
  payload: Buffer;
}

/**
 * A multipart/form-data body built by hand: the client must cost far less CPU than the server it
 * measures (fetch with FormData took half a core here, on a two-core machine shared with it).
 */
function multipart(parts: Part[]): Multipart {
  const boundary = `----vanthu-bench-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName
      ? `form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: application/pdf`
      : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    chunks.push(typeof part.content === 'string' ? Buffer.from(part.content) : part.content);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(chunks) };
}

function post(
  agent: Agent,
  url: string,
  token: string,
  body: Multipart,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': body.contentType,
          'content-length': body.payload.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body.payload);
  });
}

/**
 * Each registration is a different document: a comment after the end of the file makes its bytes
 * (and so its stored object) its own, as real uploads are, instead of one object shared by all.
 */
function uniquePdf(pdf: Buffer, n: number): Buffer {
  return Buffer.concat([pdf, Buffer.from(`%vanthu-bench-${n}\n`)]);
}
