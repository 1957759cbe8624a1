import type { Readable } from 'node:stream';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export interface TableShape {
  name: string;
  /** Stored columns in table order (generated columns are left out: PostgreSQL computes them). */
  columns: string[];
}

export interface SequenceValue {
  name: string;
  /** bigint as text */
  lastValue: string;
  isCalled: boolean;
}

export interface StorageReference {
  key: string;
  sha256: string | null;
}

/** The migrations table belongs to the migrations, which rebuild it on restore. */
const MIGRATIONS_TABLE = 'schema_migration';

/**
 * One consistent, read-only view of the whole database, taken while the server keeps writing
 * (REPEATABLE READ: every read below sees the same committed state, as pg_dump's does). The rows
 * come out with COPY in PostgreSQL's text format, which round-trips every type exactly.
 */
export class DatabaseSnapshot {
  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<DatabaseSnapshot> {
    const client = new Client({ connectionString: url, application_name: 'vanthu backup' });
    await client.connect();
    try {
      // fixed formats, so the restore reads what we wrote whatever the server's defaults
      await client.query("SET DateStyle = 'ISO'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'");
      await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query('SELECT 1'); // the snapshot is taken by the first statement
    } catch (error) {
      await client.end();
      throw error;
    }
    return new DatabaseSnapshot(client);
  }

  async serverVersion(): Promise<string> {
    return (await this.client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]
      .v;
  }

  /** Names of the applied migrations, in order. */
  async migrations(): Promise<string[]> {
    const rows = await this.client.query<{ name: string }>(
      `SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`,
    );
    return rows.rows.map((r) => r.name);
  }

  async tables(): Promise<TableShape[]> {
    const rows = await this.client.query<{ name: string; columns: string[] }>(
      `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                            AND a.attgenerated = ''
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
        GROUP BY c.relname ORDER BY c.relname`,
      [MIGRATIONS_TABLE],
    );
    return rows.rows;
  }

  async sequences(): Promise<SequenceValue[]> {
    const names = await this.client.query<{ name: string }>(
      `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relname <> $1 ORDER BY 1`,
      [`${MIGRATIONS_TABLE}_id_seq`],
    );
    const values: SequenceValue[] = [];
    for (const { name } of names.rows) {
      const r = await this.client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(name)}`,
      );
      values.push({ name, lastValue: r.rows[0].last_value, isCalled: r.rows[0].is_called });
    }
    return values;
  }

  /**
   * Every object key the rows point at, with the SHA-256 the row records: any table with a
   * `storage_key` column (and its `sha256` beside it, when there is one).
   */
  async storageReferences(): Promise<StorageReference[]> {
    const tables = await this.client.query<{ table_name: string; has_sha: boolean }>(
      `SELECT k.table_name::text AS table_name,
              EXISTS (SELECT 1 FROM information_schema.columns s
                       WHERE s.table_schema = 'public' AND s.table_name = k.table_name
                         AND s.column_name = 'sha256') AS has_sha
         FROM information_schema.columns k
        WHERE k.table_schema = 'public' AND k.column_name = 'storage_key'
        ORDER BY 1`,
    );
    const byKey = new Map<string, StorageReference>();
    for (const { table_name, has_sha } of tables.rows) {
      const rows = await this.client.query<{ key: string; sha256: string | null }>(
        `SELECT DISTINCT storage_key AS key, ${has_sha ? 'sha256' : 'NULL::text'} AS sha256
           FROM ${quoteIdent(table_name)} WHERE storage_key IS NOT NULL`,
      );
      for (const row of rows.rows) {
        const seen = byKey.get(row.key);
        if (seen && seen.sha256 && row.sha256 && seen.sha256 !== row.sha256)
          throw new Error(`Khóa đối tượng ${row.key} được ghi với hai mã SHA-256 khác nhau`);
        if (!seen || !seen.sha256) byKey.set(row.key, { key: row.key, sha256: row.sha256?.trim() ?? null });
      }
    }
    return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  /** The table's rows in COPY text format (one line per row). Read it to the end before the next call. */
  copyOut(table: TableShape): Readable {
    const columns = table.columns.map(quoteIdent).join(', ');
    return this.client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
  }

  async close(): Promise<void> {
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
