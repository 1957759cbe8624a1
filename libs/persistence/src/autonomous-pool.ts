import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { type QueryRows, statementName } from './prepared-query';

/** Statements that must commit before the caller's own transaction does: a few connections do. */
const AUTONOMOUS_POOL_SIZE = 4;

/**
 * A small pool of its own for statements that commit on their own while a transaction of the main
 * pool may be open in the same request (PostgreSQL has no autonomous transactions). A separate pool
 * because such a caller already holds a connection of the main pool: with every connection held by
 * a transaction that waits for one more, the main pool would deadlock. Opened at the first use
 * with the DataSource's URL; idle connections do not keep the process alive.
 */
export class AutonomousPool {
  private pool: Pool | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async query<R>(text: string, params: readonly unknown[]): Promise<QueryRows<R>> {
    const result = await this.open().query({ name: statementName(text), text, values: [...params] });
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private open(): Pool {
    if (this.pool) return this.pool;
    const options = this.dataSource.options as { url?: string; extra?: { application_name?: string } };
    const pool = new Pool({
      connectionString: options.url,
      max: AUTONOMOUS_POOL_SIZE,
      application_name: `${options.extra?.application_name ?? 'vanthu'}-autonomous`,
      connectionTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // An idle connection closed by the server (restart, DROP DATABASE … FORCE in tests): the pool
    // drops it and the next query opens another; without a listener the event would crash the process.
    pool.on('error', () => undefined);
    this.pool = pool;
    return pool;
  }
}
