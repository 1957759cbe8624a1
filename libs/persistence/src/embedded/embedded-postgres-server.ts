import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  statSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { locatePostgresBinaries } from './postgres-binaries';

const run = promisify(execFile);

/** sun_path holds 108 bytes; the socket file is `<dir>/.s.PGSQL.<port>` (plus a `.lock` beside it). */
const MAX_SOCKET_PATH = 100;

export interface EmbeddedPostgresOptions {
  /** Cluster directory (`<data>/pg`). */
  dir: string;
  port: number;
  /** Database created on first start. */
  database: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * A real PostgreSQL server run from the binaries in node_modules: the zero-setup default and the
 * database of the tests. pg_ctl daemonizes the server, so a killed Node process leaves it running;
 * the next start finds it through postmaster.pid and stops it before starting again, and a
 * postmaster.pid whose process is gone (or is not a postgres at all, after PID reuse) is removed.
 */
export class EmbeddedPostgresServer {
  private readonly bin = locatePostgresBinaries();
  private readonly pgData: string;
  private readonly runAs: RunAs;
  /**
   * Clients connect through a Unix socket in the cluster directory when its path fits: on this
   * kind of VM a query costs the Node process about a quarter less CPU than over TCP loopback.
   * TCP on 127.0.0.1 stays open for tools (psql, pg_dump) and for directories with long paths.
   */
  private readonly socketDir: string | null;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.pgData = join(options.dir, 'cluster');
    this.runAs = userInfo().uid === 0 ? postgresSystemUser() : {};
    const dir = resolve(options.dir);
    const fits = join(dir, `.s.PGSQL.${options.port}.lock`).length <= MAX_SOCKET_PATH;
    // the path goes into pg_ctl's option string and the URL: plain characters only
    this.socketDir = fits && /^[\w./-]+$/.test(dir) ? dir : null;
  }

  /** Starts the server (initialising the cluster on first use) and returns its connection URL. */
  async start(): Promise<string> {
    // Parents keep the default mode (the postgres user must be able to traverse them); only the
    // cluster's own folder is private.
    mkdirSync(dirname(this.options.dir), { recursive: true });
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    if (this.runAs.uid !== undefined) {
      this.giveToPostgres(this.options.dir);
      // the data folder may be private to root (mkdtemp, umask 077): let postgres traverse it, not list it
      const parent = dirname(this.options.dir);
      const mode = statSync(parent).mode & 0o777;
      if ((mode & 0o001) === 0) chmodSync(parent, mode | 0o001);
    }
    const password = this.password();
    if (!existsSync(join(this.pgData, 'PG_VERSION'))) await this.initialise(password);
    await this.clearStaleLock();
    const logFile = join(this.options.dir, 'postgres.log');
    if (this.runAs.uid !== undefined) {
      if (!existsSync(logFile)) writeFileSync(logFile, '');
      this.giveToPostgres(logFile);
    }
    const serverOptions = [
      `-p ${this.options.port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${this.socketDir ?? ''}'`,
      '-c max_connections=200',
      '-c fsync=on',
    ].join(' ');
    await this.pgCtl(['start', '-w', '-t', '60', '-D', this.pgData, '-l', logFile, '-o', serverOptions]);
    const adminUrl = this.url(password, 'postgres');
    await ensureDatabase(adminUrl, this.options.database);
    return this.url(password, this.options.database);
  }

  async stop(): Promise<void> {
    if (!existsSync(join(this.pgData, 'postmaster.pid'))) return;
    await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.pgData]).catch(() => undefined);
  }

  /** Connection URL of an extra database on the same server (tests create one per file). */
  url(password: string, database: string): string {
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/${database}`;
    return this.socketDir ? `${base}?host=${encodeURIComponent(this.socketDir)}` : base;
  }

  /** The superuser password, generated once into the data folder (mode 0600). */
  password(): string {
    const file = join(this.options.dir, 'superuser-password');
    if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }

  private async initialise(password: string): Promise<void> {
    rmSync(this.pgData, { recursive: true, force: true });
    mkdirSync(this.pgData, { recursive: true, mode: 0o700 });
    const pwFile = join(this.options.dir, '.initdb-password');
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    try {
      this.giveToPostgres(this.pgData);
      this.giveToPostgres(pwFile);
      const initdb = (localeArgs: string[], env?: NodeJS.ProcessEnv) =>
        run(
          this.bin.initdb,
          [
            `--pgdata=${this.pgData}`,
            '--auth=scram-sha-256',
            '--username=postgres',
            `--pwfile=${pwFile}`,
            '--encoding=UTF8',
            ...localeArgs,
          ],
          { ...this.runAs, env },
        );
      // eslint-disable-next-line no-restricted-syntax -- passed through to the child, not read as configuration
      await initdb(['--locale=C.UTF-8'], { ...process.env, LC_ALL: 'C.UTF-8' }).catch(() =>
        // Older images lack the C.UTF-8 locale; the database stays UTF8 either way.
        initdb(['--no-locale']),
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  /**
   * A postmaster.pid left behind by a killed process must not block the next start. If its PID
   * is a live postgres on our cluster (the orphan of a killed server), stop it; if the PID is dead
   * or belongs to some other program, remove the file.
   */
  private async clearStaleLock(): Promise<void> {
    const lockFile = join(this.pgData, 'postmaster.pid');
    if (!existsSync(lockFile)) return;
    const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
      await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.pgData]);
      return;
    }
    rmSync(lockFile, { force: true });
  }

  /** When running as root, hand a path to the postgres system user that runs the server. */
  private giveToPostgres(path: string): void {
    if (this.runAs.uid !== undefined) chownSync(path, this.runAs.uid, this.runAs.gid ?? this.runAs.uid);
  }

  private async pgCtl(args: string[]): Promise<void> {
    try {
      // eslint-disable-next-line no-restricted-syntax -- passed through to the child, not read as configuration
      await run(this.bin.pgCtl, args, { ...this.runAs, env: { ...process.env, LC_MESSAGES: 'C' } });
    } catch (error) {
      const log = join(this.options.dir, 'postgres.log');
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(
        `PostgreSQL nhúng không khởi động/dừng được (pg_ctl ${args[0]}): ${(error as Error).message}\n${tail}`,
      );
    }
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating it if needed. */
function postgresSystemUser(): RunAs {
  const lookup = (): RunAs | undefined => {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    if (!line) return undefined;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  };
  let found = lookup();
  if (!found) {
    // Only reachable as root, where adding a system user is allowed.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    found = lookup();
  }
  if (!found) throw new Error('Không tạo được người dùng hệ thống "postgres" để chạy PostgreSQL nhúng');
  return found;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
