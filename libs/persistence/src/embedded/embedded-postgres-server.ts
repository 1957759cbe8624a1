import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { linkRelocatedCluster, placeCluster, type RunAs } from './cluster-placement';
import { ClusterUsers } from './cluster-users';
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
  log?: (message: string) => void;
}

/** What postmaster.pid says about a running server. */
interface RunningServer {
  port: number;
  socketDir: string | null;
}

/**
 * A real PostgreSQL server run from the binaries in node_modules: the zero-setup default and the
 * database of the tests. pg_ctl daemonizes the server, so a killed Node process leaves it running.
 * Every process that opens the cluster registers as its user (ClusterUsers): one that finds it
 * running for another live process (a CLI command beside the server) joins it and never stops it;
 * one that finds it running for nobody (the orphan of a killed server) restarts it; the last one to
 * leave stops it. A postmaster.pid whose process is gone (or is not a postgres at all, after PID
 * reuse) is removed.
 */
export class EmbeddedPostgresServer {
  private readonly bin = locatePostgresBinaries();
  private readonly runAs: RunAs;
  /** The real folder of the cluster: `options.dir`, or where it links to (see placeCluster). */
  private dir = '';
  private pgData = '';
  private users: ClusterUsers | undefined;
  private port: number;
  /**
   * Clients connect through a Unix socket in the cluster directory when its path fits: on this
   * kind of VM a query costs the Node process about a quarter less CPU than over TCP loopback.
   * TCP on 127.0.0.1 stays open for tools (psql) and for directories with long paths.
   */
  private socketDir: string | null = null;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.runAs = userInfo().uid === 0 ? postgresSystemUser() : {};
    this.port = options.port;
  }

  /**
   * Starts the server (initialising the cluster on first use), or joins it when another live
   * process runs it, and returns its connection URL.
   */
  async start(): Promise<string> {
    const placement = placeCluster(this.options.dir, this.runAs);
    if (placement.stale) await this.removeStale(placement.stale);
    if (placement.relocated && !lstatSync(this.options.dir, { throwIfNoEntry: false }))
      linkRelocatedCluster(this.options.dir, placement.dir, this.runAs);
    this.useFolder(placement.dir);
    if (placement.relocated)
      this.options.log?.(`Cụm PostgreSQL nhúng nằm ở ${placement.dir} (${this.options.dir} trỏ tới đó)`);
    const users = (this.users = new ClusterUsers(this.dir));
    const password = this.password();
    await users.exclusively(async () => {
      users.join();
      const running = this.runningServer();
      if (running && users.othersAlive()) {
        this.port = running.port;
        this.socketDir = running.socketDir;
        this.options.log?.(
          `PostgreSQL nhúng đang chạy cho một tiến trình khác: dùng chung (cổng ${running.port})`,
        );
        return;
      }
      try {
        await this.startOwn(password, running !== undefined);
      } catch (error) {
        users.leave();
        throw error;
      }
    });
    const adminUrl = this.url(password, 'postgres');
    await ensureDatabase(adminUrl, this.options.database);
    return this.url(password, this.options.database);
  }

  /** Leaves the cluster; stops the server unless another live process still uses it. */
  async stop(): Promise<void> {
    const users = this.users;
    if (!users) return;
    this.users = undefined;
    await users.exclusively(async () => {
      users.leave();
      if (users.othersAlive()) return;
      if (!existsSync(join(this.pgData, 'postmaster.pid'))) return;
      await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.pgData]).catch(() => undefined);
    });
  }

  /** Connection URL of an extra database on the same server (tests create one per file). */
  url(password: string, database: string): string {
    const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
    return this.socketDir ? `${base}?host=${encodeURIComponent(this.socketDir)}` : base;
  }

  /** The superuser password, generated once into the cluster folder (mode 0600). */
  password(): string {
    const file = join(this.dir || this.options.dir, 'superuser-password');
    if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }

  private useFolder(dir: string): void {
    this.dir = dir;
    this.pgData = join(dir, 'cluster');
    const fits = join(dir, `.s.PGSQL.${this.options.port}.lock`).length <= MAX_SOCKET_PATH;
    // the path goes into pg_ctl's option string and the URL: plain characters only
    this.socketDir = fits && /^[\w./-]+$/.test(dir) ? dir : null;
  }

  private async startOwn(password: string, orphanRunning: boolean): Promise<void> {
    if (!existsSync(join(this.pgData, 'PG_VERSION'))) await this.initialise(password);
    if (orphanRunning) await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', this.pgData]);
    else rmSync(join(this.pgData, 'postmaster.pid'), { force: true });
    const logFile = join(this.dir, 'postgres.log');
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
  }

  /**
   * The server postmaster.pid names, when that PID is a live postgres (its lines: pid, data
   * directory, start time, port, socket directory, ...).
   */
  private runningServer(): RunningServer | undefined {
    const lockFile = join(this.pgData, 'postmaster.pid');
    if (!existsSync(lockFile)) return undefined;
    const lines = readFileSync(lockFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) return undefined;
    return { port: Number(lines[3]) || this.options.port, socketDir: lines[4]?.trim() || null };
  }

  /** A relocated cluster whose data folder was deleted: stop its server if it still runs, remove it. */
  private async removeStale(dir: string): Promise<void> {
    const pgData = join(dir, 'cluster');
    if (existsSync(join(pgData, 'postmaster.pid')))
      await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'fast', '-D', pgData]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    this.options.log?.(`Đã xóa cụm PostgreSQL cũ ${dir} (thư mục dữ liệu của nó đã bị xóa)`);
  }

  private async initialise(password: string): Promise<void> {
    rmSync(this.pgData, { recursive: true, force: true });
    mkdirSync(this.pgData, { recursive: true, mode: 0o700 });
    const pwFile = join(this.dir, '.initdb-password');
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
          { ...this.runAs, env, cwd: '/' },
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

  /** When running as root, hand a path to the postgres system user that runs the server. */
  private giveToPostgres(path: string): void {
    if (this.runAs.uid !== undefined) chownSync(path, this.runAs.uid, this.runAs.gid ?? this.runAs.uid);
  }

  private async pgCtl(args: string[]): Promise<void> {
    try {
      await run(this.bin.pgCtl, args, {
        ...this.runAs,
        cwd: '/', // the postgres user may not be allowed into ours
        // eslint-disable-next-line no-restricted-syntax -- passed through to the child, not read as configuration
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
    } catch (error) {
      const log = join(this.dir, 'postgres.log');
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
