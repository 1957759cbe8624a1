import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Relative import: Jest's global setup does not apply moduleNameMapper.
import { EmbeddedPostgresServer } from '../../libs/persistence/src/embedded/embedded-postgres-server';
import { freePort } from './free-port';

/**
 * Starts one real PostgreSQL for the whole test run. Each test file then gets a database of its own
 * (see test-database.ts), cloned from a migrated template.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-test-pg-'));
  const server = new EmbeddedPostgresServer({ dir, port: await freePort(), database: 'vanthu_admin' });
  const url = await server.start();
  (globalThis as { __vanthuPg?: EmbeddedPostgresServer }).__vanthuPg = server;
  process.env.VANTHU_TEST_PG_URL = url;
  process.env.VANTHU_TEST_PG_DIR = dir;
  writeFileSync(join(dir, 'url'), url, { mode: 0o600 });
}
