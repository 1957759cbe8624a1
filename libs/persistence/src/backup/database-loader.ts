import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDataSource } from '../data-source-factory';
import { MIGRATIONS } from '../migrations';
import { quoteIdent, type SequenceValue, type TableShape } from './database-snapshot';

/**
 * Loads a DatabaseSnapshot's rows into an empty database: the schema comes from our migrations (the
 * same ones the backup had applied), then every table's rows in one transaction, parents before
 * children (the rows the migrations seeded are replaced by the backup's), so a failure leaves the
 * database as the migrations made it.
 */
export class DatabaseLoader {
  private constructor(
    private readonly url: string,
    private readonly client: Client,
  ) {}

  static async open(url: string): Promise<DatabaseLoader> {
    const client = new Client({ connectionString: url, application_name: 'vanthu restore' });
    await client.connect();
    await client.query("SET DateStyle = 'ISO'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'");
    return new DatabaseLoader(url, client);
  }

  /** Whether the public schema has no table at all (nothing to overwrite). */
  async isEmpty(): Promise<boolean> {
    const r = await this.client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
    );
    return r.rows[0].n === 0;
  }

  /** Migration names this code does not know (a backup made by a newer version). */
  static unknownMigrations(names: readonly string[]): string[] {
    const known = new Set(MIGRATIONS.map((m) => m.name));
    return names.filter((n) => !known.has(n));
  }

  /** Applies exactly the named migrations (`all`: every one this code has). */
  async migrate(names: readonly string[] | 'all'): Promise<void> {
    const ds = createDataSource({
      url: this.url,
      entities: [],
      poolSize: 1,
      applicationName: 'vanthu restore',
    });
    const wanted = names === 'all' ? undefined : new Set(names);
    ds.setOptions({ migrations: MIGRATIONS.filter((m) => !wanted || wanted.has(m.name)) });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  }

  /** The tables in an order where every table comes after the tables its foreign keys point to. */
  async loadOrder(tables: readonly TableShape[]): Promise<TableShape[]> {
    const edges = await this.client.query<{ child: string; parent: string }>(
      `SELECT cl.relname::text AS child, pl.relname::text AS parent
         FROM pg_constraint k
         JOIN pg_class cl ON cl.oid = k.conrelid
         JOIN pg_class pl ON pl.oid = k.confrelid
        WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace AND k.conrelid <> k.confrelid`,
    );
    const byName = new Map(tables.map((t) => [t.name, t]));
    const ordered: TableShape[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (name: string) => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'visiting')
        throw new Error(`Khóa ngoại vòng quanh bảng ${name}: không sắp được thứ tự nạp`);
      state.set(name, 'visiting');
      for (const e of edges.rows) if (e.child === name) visit(e.parent);
      state.set(name, 'done');
      const table = byName.get(name);
      if (table) ordered.push(table);
    };
    for (const t of tables) visit(t.name);
    return ordered;
  }

  /**
   * Loads every table from its rows stream (COPY text format) and sets the sequences, in one
   * transaction. Returns the row count of each table as loaded.
   */
  async load(
    tables: readonly TableShape[],
    rowsOf: (table: TableShape) => Readable,
    sequences: readonly SequenceValue[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.client.query('BEGIN');
    try {
      // migrations seed reference rows (document types…); the backup holds their state as it was
      for (const table of [...tables].reverse()) {
        const name = quoteIdent(table.name);
        const seeded = await this.client.query(`SELECT 1 FROM ${name} LIMIT 1`);
        if (seeded.rowCount) await this.client.query(`DELETE FROM ${name}`);
      }
      for (const table of tables) {
        const columns = table.columns.map(quoteIdent).join(', ');
        await pipeline(
          rowsOf(table),
          this.client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${columns}) FROM STDIN`)),
        );
        const r = await this.client.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM ${quoteIdent(table.name)}`,
        );
        counts.set(table.name, Number(r.rows[0].n));
      }
      for (const s of sequences)
        await this.client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
          quoteIdent(s.name),
          s.lastValue,
          s.isCalled,
        ]);
      await this.client.query('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return counts;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
