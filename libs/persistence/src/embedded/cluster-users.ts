import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_WAIT_MS = 180_000;
const LOCK_POLL_MS = 100;

/**
 * The users of one embedded cluster (the server, CLI commands, the test run), one file each under
 * `<dir>/users/` named by process id. Whoever finds PostgreSQL running while another live process uses it joins
 * it; whoever leaves last stops it. So a CLI command run beside the server never stops the
 * server's database, and the server leaves it running for a command still using it. Starting,
 * joining and leaving happen under `<dir>/control.lock`, so two processes cannot both start it or
 * stop it under each other.
 */
export class ClusterUsers {
  private readonly usersDir: string;
  private readonly lockFile: string;
  private readonly self = processIdentity(process.pid);
  /** One entry per user, not per process: a process may open the same cluster twice. */
  private readonly entry = `${process.pid}.${randomBytes(4).toString('hex')}`;

  constructor(dir: string) {
    this.usersDir = join(dir, 'users');
    this.lockFile = join(dir, 'control.lock');
  }

  async exclusively<T>(work: () => Promise<T>): Promise<T> {
    await this.lock();
    try {
      return await work();
    } finally {
      rmSync(this.lockFile, { force: true });
    }
  }

  join(): void {
    mkdirSync(this.usersDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(this.usersDir, this.entry), this.self ?? '');
  }

  leave(): void {
    rmSync(join(this.usersDir, this.entry), { force: true });
  }

  /** Whether a live user other than this one uses the cluster; forgets the dead ones. */
  othersAlive(): boolean {
    let alive = false;
    let names: string[];
    try {
      names = readdirSync(this.usersDir);
    } catch {
      return false;
    }
    for (const name of names) {
      if (name === this.entry) continue;
      const recorded = readFileSync(join(this.usersDir, name), 'utf8');
      if (isAlive(Number(name.split('.')[0]), recorded)) alive = true;
      else rmSync(join(this.usersDir, name), { force: true });
    }
    return alive;
  }

  private async lock(): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        writeFileSync(this.lockFile, `${process.pid}\n${this.self ?? ''}`, { flag: 'wx', mode: 0o600 });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const [pid, identity] = readFileSync(this.lockFile, 'utf8').split('\n');
      if (!isAlive(Number(pid), identity ?? '')) {
        rmSync(this.lockFile, { force: true }); // its holder died holding it
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL nhúng đang bị tiến trình ${pid} giữ quá lâu (${this.lockFile})`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}

/**
 * A process's start time (field 22 of /proc/<pid>/stat), so a PID reused by an unrelated process is
 * not taken for the one that registered. Undefined where /proc is absent.
 */
function processIdentity(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: count from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number, recorded: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processIdentity(pid);
  return recorded === '' || now === undefined || now === recorded;
}
