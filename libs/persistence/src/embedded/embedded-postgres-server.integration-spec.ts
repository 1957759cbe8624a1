import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@vanthu/test-kit';
import { removeDataFolder } from '@vanthu/test-kit/server-process';
import { EmbeddedPostgresServer } from './embedded-postgres-server';

async function selectOne(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

describe('EmbeddedPostgresServer shared by several users of one cluster', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-shared-pg-'));
  });
  // as root the 0700 mkdtemp folder makes the cluster relocate: remove it with its folder
  afterAll(() => removeDataFolder(dir));

  it('the second user joins the running server (even when configured with another port); whoever leaves last stops it', async () => {
    const pgDir = join(dir, 'pg');
    const first = new EmbeddedPostgresServer({ dir: pgDir, port: await freePort(), database: 'vanthu' });
    const second = new EmbeddedPostgresServer({ dir: pgDir, port: await freePort(), database: 'vanthu' });
    const firstUrl = await first.start();
    const secondUrl = await second.start();
    expect(new URL(secondUrl).port).toBe(new URL(firstUrl).port);

    await first.stop(); // the first user leaves: the second still works
    expect(await selectOne(secondUrl)).toBe(1);
    expect(existsSync(join(pgDir, 'cluster', 'postmaster.pid'))).toBe(true);

    await second.stop(); // the last one leaves: stopped
    expect(existsSync(join(pgDir, 'cluster', 'postmaster.pid'))).toBe(false);
    await expect(selectOne(secondUrl)).rejects.toThrow();
  });
});
