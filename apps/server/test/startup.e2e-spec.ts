import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@vanthu/test-kit';
import {
  embeddedPostgresRunning as pgRunning,
  removeDataFolder,
  SERVER_MAIN as MAIN,
  startServerProcess as startServer,
  waitReady,
} from '@vanthu/test-kit/server-process';

/**
 * The product as a newcomer starts it: the built server (`npm start` runs `npm run build` first, and
 * so does `npm test`) on a fresh data folder with the embedded PostgreSQL and filesystem storage.
 */
describe('starting the product on a fresh machine', () => {
  let dataDir: string;
  let pgPort: number;
  let port: number;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} missing: run "npm run build" (npm test does)`);
    dataDir = mkdtempSync(join(tmpdir(), 'vanthu-start-'));
    pgPort = await freePort();
    port = await freePort();
  });
  afterAll(() => removeDataFolder(dataDir));

  const env = () => ({
    VANTHU_DATA_DIR: dataDir,
    PORT: String(port),
    VANTHU_EMBEDDED_PG_PORT: String(pgPort),
  });

  it('first start: embedded PostgreSQL, migrations, demo world, printed logins that work; SIGTERM stops everything', async () => {
    const server = startServer(env());
    await waitReady(`http://127.0.0.1:${port}`, server);
    const line = server.output().match(/huyen\.vanthu\s+(\S+)/);
    expect(line).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'huyen.vanthu', password: line![1] }),
    });
    expect(res.status).toBe(200);
    // the passwords went to the console once, not into the JSON log lines
    expect(
      server
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes(line![1])),
    ).toEqual([]);
    expect(pgRunning(dataDir)).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(pgRunning(dataDir)).toBe(false);
  });

  it('later start reuses the data and prints no new passwords; a killed server does not block the next start', async () => {
    const second = startServer(env());
    await waitReady(`http://127.0.0.1:${port}`, second);
    expect(second.output()).not.toMatch(/TÀI KHOẢN DEMO/);
    second.child.kill('SIGKILL');
    await second.exited;
    expect(pgRunning(dataDir)).toBe(true); // the orphaned embedded PostgreSQL is still up

    const third = startServer(env());
    await waitReady(`http://127.0.0.1:${port}`, third);
    const agencies = await fetch(`http://127.0.0.1:${port}/health`);
    expect(agencies.status).toBe(200);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
    expect(pgRunning(dataDir)).toBe(false);
  });

  it('refuses to start on bad configuration, naming every bad key', async () => {
    const bad = startServer({ ...env(), PORT: 'abc', S3_ENDPOINT: 'http://127.0.0.1:9', LOG_LEVEL: 'loud' });
    const code = await bad.exited;
    expect(code).not.toBe(0);
    for (const key of ['PORT', 'LOG_LEVEL', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET']) {
      expect(bad.output()).toContain(key);
    }
  });

  it('exits non-zero with a clear message when the database is unreachable', async () => {
    const closed = await freePort();
    const bad = startServer({
      ...env(),
      DATABASE_URL: `postgres://vanthu:secret-pw@127.0.0.1:${closed}/vanthu`,
    });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/Không kết nối được cơ sở dữ liệu/);
    expect(bad.output()).not.toContain('secret-pw');
  });
});
