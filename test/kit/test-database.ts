import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, Database } from '@vanthu/persistence';
import { ALL_ENTITIES } from './all-entities';

const TEMPLATE = 'vanthu_template';
const TEMPLATE_LOCK = 91_337;

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  database: Database;
  close(): Promise<void>;
}

function adminUrl(database = 'postgres'): string {
  const url = process.env.VANTHU_TEST_PG_URL;
  if (!url) throw new Error('VANTHU_TEST_PG_URL is not set: run the tests through jest (global setup)');
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template once per run (the first test file to need it does). */
async function ensureTemplate(): Promise<void> {
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (exists.rowCount) return;
      await client.query(`CREATE DATABASE ${TEMPLATE}`);
      const ds = createDataSource({ url: adminUrl(TEMPLATE), entities: ALL_ENTITIES, poolSize: 1 });
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
      } finally {
        await ds.destroy();
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/**
 * A fresh database for one test file, with every migration applied: a clone of the migrated
 * template, on the run's real embedded PostgreSQL.
 */
export async function createTestDatabase(
  label: string = expect.getState().testPath ?? 'test',
): Promise<TestDatabase> {
  await ensureTemplate();
  const suffix = createHash('sha1')
    .update(`${label}:${process.pid}:${Date.now()}:${Math.random()}`)
    .digest('hex');
  const name = `t_${suffix.slice(0, 20)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  const url = adminUrl(name);
  const dataSource = createDataSource({ url, entities: ALL_ENTITIES, poolSize: 20 });
  await dataSource.initialize();
  const database = new Database(dataSource);
  return {
    url,
    dataSource,
    database,
    async close() {
      await database.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** URL of the run's PostgreSQL server for a database name (for tests that start the server themselves). */
export function testServerUrl(database: string): string {
  return adminUrl(database);
}
