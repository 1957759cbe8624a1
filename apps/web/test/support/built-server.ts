import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root, from the sources (Jest) or from their build under dist/ (scripts). */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('/dist')) dir = join(dir, '..');
  return dir;
}

export const ROOT = repositoryRoot();
/** The built server, as `npm start` runs it (npm test and the web scripts build first). */
export const SERVER_MAIN = join(ROOT, 'dist/apps/server/src/main.js');
export const WEB_DIR = join(ROOT, 'dist/web');
export const DEMO_PASSWORD = 'Matkhau-demo-2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  pgPort: number;
  output(): string;
  /** SIGTERM, then wait for the embedded PostgreSQL to stop with it; removes the data folder when asked. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

async function waitReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  seconds = 120,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output()}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready after ${seconds} s: ${output()}`);
}

/** Starts dist/apps/server/src/main.js on `dataDir` with free ports and the fixed demo password. */
export async function startBuiltServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN))
    throw new Error(`${SERVER_MAIN} missing: run "npm run build" (npm test does)`);
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error('dist/web missing: run "npm run build"');
  const port = await freePort();
  const pgPort = await freePort();
  let out = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      VANTHU_HOST: '127.0.0.1',
      VANTHU_EMBEDDED_PG_PORT: String(pgPort),
      VANTHU_DATA_DIR: dataDir,
      VANTHU_WEB_DIR: WEB_DIR,
      VANTHU_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const output = () => out;
  try {
    await waitReady(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    dataDir,
    pgPort,
    output,
    async stop(options = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 30_000)))]);
        clearTimeout(timer);
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface DemoTemplate {
  dir: string;
  /** Signing passphrase of each demo leader, as printed once on the first start. */
  passphrases: Record<string, string>;
  remove(): void;
}

/**
 * The demo world once: a first start on an empty folder (initdb, migrations, demo agencies, users
 * and PKI), stopped cleanly. Each test then starts from a copy of it, so every test begins in the
 * same known state without paying for a cold start.
 */
/**
 * A data folder in the temp directory that the embedded PostgreSQL (run as `postgres` when we are
 * root) can reach, so its cluster stays inside it and a copy of the folder is a copy of the
 * cluster (a 0700 folder would have it placed under /var/lib/vanthu/postgres and linked).
 */
function dataFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export async function createDemoTemplate(): Promise<DemoTemplate> {
  const dir = dataFolder('vanthu-web-template-');
  const server = await startBuiltServer(dir);
  const passphrases: Record<string, string> = {};
  const lines = server.output().split('\n');
  lines.forEach((line, i) => {
    const m = line.match(/mật khẩu chứng thư số cá nhân:\s*(\S+)/);
    const user = lines[i - 1]?.trim().split(/\s+/)[0];
    if (m && user) passphrases[user] = m[1];
  });
  await server.stop({ keepData: true });
  if (!passphrases['huyen.lanhdao']) throw new Error(`no passphrases printed: ${server.output()}`);
  return { dir, passphrases, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Inside a Jest run, one template for all the browser spec files: it lives in the run's folder
 * (VANTHU_TEST_PG_DIR, removed by the global teardown); elsewhere (scripts) a template of its own.
 */
export async function sharedDemoTemplate(): Promise<DemoTemplate> {
  const runDir = process.env.VANTHU_TEST_PG_DIR;
  if (!runDir) return createDemoTemplate();
  const dir = join(runDir, 'web-template');
  const saved = join(runDir, 'web-template-passphrases.json');
  if (!existsSync(saved)) {
    const made = await createDemoTemplate();
    renameSync(made.dir, dir);
    writeFileSync(saved, JSON.stringify(made.passphrases), { mode: 0o600 });
  }
  const passphrases = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, string>;
  return { dir, passphrases, remove: () => undefined };
}

/** A running server on a fresh copy of the template (cp -a keeps the cluster's owner and modes). */
export async function startFromTemplate(template: DemoTemplate): Promise<RunningServer> {
  const dir = dataFolder('vanthu-web-run-');
  execFileSync('cp', ['-a', `${template.dir}/.`, dir]);
  return startBuiltServer(dir);
}

/** The embedded database's URL (to put a test's world into a state no API reaches, e.g. a past deadline). */
export function databaseUrl(server: RunningServer): string {
  const password = readFileSync(join(server.dataDir, 'pg', 'superuser-password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${server.pgPort}/vanthu`;
}
