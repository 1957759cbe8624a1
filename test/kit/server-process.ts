import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The built server and CLI (`npm test` and `npm start` build them first). */
export const SERVER_MAIN = join(__dirname, '../../dist/apps/server/src/main.js');
export const CLI_MAIN = join(__dirname, '../../dist/apps/cli/src/main.js');
/** The built exchange hub (`npm run start:hub`). */
export const HUB_MAIN = join(__dirname, '../../dist/apps/hub/src/main.js');

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built server as a child process with `env` on top of this process's environment. */
export function startServerProcess(env: Record<string, string>, main = SERVER_MAIN): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until `GET <url>/ready` answers 200; fails early when the server exits. */
export async function waitReady(url: string, running: ServerProcess, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited: ${running.output()}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready: ${running.output()}`);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `vanthu` command to its end. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 300_000): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI_MAIN, ...args],
      { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Removes a data folder, with the embedded cluster its `pg` links to when it was relocated (a data
 * folder the postgres user cannot reach, as root).
 */
export function removeDataFolder(dataDir: string): void {
  const pg = join(dataDir, 'pg');
  if (lstatSync(pg, { throwIfNoEntry: false })?.isSymbolicLink())
    rmSync(resolve(dirname(pg), readlinkSync(pg)), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

/** Whether the embedded PostgreSQL of a data folder runs (its postmaster.pid names a live process). */
export function embeddedPostgresRunning(dataDir: string): boolean {
  const pidFile = join(dataDir, 'pg', 'cluster', 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
