import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface QueryRows<R> {
  rows: R[];
  rowCount: number;
}

interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{
    rows: unknown[];
    rowCount: number | null;
  }>;
}

/**
 * Runs `text` as a named statement on the connection of `manager`'s transaction, or on a connection
 * of the pool outside one: the pg driver prepares a name once per connection and afterwards sends
 * only Bind/Execute, so PostgreSQL skips parsing and planning. Errors are the driver's own
 * (translateDatabaseError reads both those and TypeORM's).
 */
export async function preparedQuery<R>(
  manager: EntityManager,
  text: string,
  params: readonly unknown[],
): Promise<QueryRows<R>> {
  const statement = { name: statementName(text), text, values: params };
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased)
    return rowsOf<R>(await ((await runner.connect()) as PgClient).query(statement));
  const own = manager.connection.createQueryRunner();
  try {
    return rowsOf<R>(await ((await own.connect()) as PgClient).query(statement));
  } finally {
    await own.release();
  }
}

function rowsOf<R>(result: { rows: unknown[]; rowCount: number | null }): QueryRows<R> {
  return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
}

const names = new Map<string, string>();

/** A stable name per statement text. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}
