import { chmodSync, lstatSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@vanthu/test-kit';
import {
  embeddedPostgresRunning,
  removeDataFolder,
  runCli,
  startServerProcess,
  waitReady,
} from '@vanthu/test-kit/server-process';

const asRoot = userInfo().uid === 0;

/**
 * `npm start` where people clone: root's home and mkdtemp folders are 0700, which the `postgres`
 * user (PostgreSQL refuses to run as root) cannot enter. Then a CLI command beside the running
 * server, which must use the server's PostgreSQL and leave it running. As another user the folder
 * is simply the user's own; the start and the CLI are checked all the same.
 */
describe('start under a private folder; the CLI beside the running server', () => {
  let home: string;
  let dataDir: string;
  let env: Record<string, string>;
  let url: string;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'vanthu-home-'));
    chmodSync(home, 0o700);
    dataDir = join(home, 'vanthu', 'data');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      VANTHU_DATA_DIR: dataDir,
      PORT: String(port),
      VANTHU_EMBEDDED_PG_PORT: String(await freePort()),
      VANTHU_DEMO_SEED: 'false',
    };
  });

  afterAll(() => {
    removeDataFolder(dataDir);
    rmSync(home, { recursive: true, force: true });
  });

  it('starts, answers /ready, and keeps answering while and after CLI commands run; SIGTERM stops PostgreSQL', async () => {
    const server = startServerProcess(env);
    try {
      await waitReady(url, server);
      if (asRoot) {
        // the cluster lives where postgres can reach it; the private folder was not opened up
        expect(lstatSync(join(dataDir, 'pg')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(join(dataDir, 'pg'))).toMatch(/^\/var\/lib\/vanthu\/postgres\//);
        expect(statSync(home).mode & 0o777).toBe(0o700);
      }

      const audit = await runCli(['audit', 'verify'], env);
      expect(audit).toMatchObject({ code: 0 });
      expect(audit.stdout).toMatch(/Nhật ký toàn vẹn/);
      expect(audit.stderr).toMatch(/dùng chung/);
      // another configured port must not start a second server on the same cluster either
      const otherPort = await runCli(['db', 'show'], {
        ...env,
        VANTHU_EMBEDDED_PG_PORT: String(await freePort()),
      });
      expect(otherPort.code).toBe(0);
      expect(otherPort.stdout).toMatch(/\[x\] Foundation/);

      expect((await fetch(`${url}/ready`)).status).toBe(200);
      // a request that reads the database, not only the probe
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'wrong-password-1' }),
      });
      expect(login.status).toBe(401);
      expect(embeddedPostgresRunning(dataDir)).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(embeddedPostgresRunning(dataDir)).toBe(false);
  });

  it('a CLI command alone starts the embedded PostgreSQL and stops it when done', async () => {
    const show = await runCli(['db', 'show'], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/\[x\] DocumentCopies/);
    expect(embeddedPostgresRunning(dataDir)).toBe(false);
  });
});
