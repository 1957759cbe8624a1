import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresServer } from '../../libs/persistence/src/embedded/embedded-postgres-server';
import { createDataSource } from '../../libs/persistence/src/data-source-factory';
import { ALL_ENTITIES } from '../../test/kit/all-entities';
import { freePort } from '../../test/kit/free-port';

/**
 * The product's embedded PostgreSQL with its default settings, in a temporary folder (removed on
 * stop) or in a kept one (`--data-dir`, so a seeded database survives between runs).
 */
export class BenchPostgres {
  private constructor(
    private readonly server: EmbeddedPostgresServer,
    private readonly dir: string,
    private readonly keep: boolean,
  ) {}

  static async start(keptDir?: string): Promise<BenchPostgres> {
    const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'vanthu-bench-registers-'));
    const server = new EmbeddedPostgresServer({ dir, port: await freePort(), database: 'vanthu_admin' });
    await server.start();
    return new BenchPostgres(server, dir, keptDir !== undefined);
  }

  url(database: string): string {
    return this.server.url(this.server.password(), database);
  }

  async exists(database: string): Promise<boolean> {
    return this.admin(
      async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1,
    );
  }

  async drop(database: string): Promise<void> {
    await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }

  /** A new database (replacing one of the same name) with every migration applied. */
  async createMigrated(database: string): Promise<string> {
    await this.drop(database);
    await this.admin((c) => c.query(`CREATE DATABASE ${database}`));
    const url = this.url(database);
    const ds = createDataSource({ url, entities: ALL_ENTITIES, poolSize: 1 });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    return url;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    if (!this.keep) rmSync(this.dir, { recursive: true, force: true });
  }

  private async admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}
