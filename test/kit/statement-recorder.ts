import type { Database } from '@vanthu/persistence';

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Records the text of every statement the current transaction sends from now until it ends (its
 * commit hooks and the COMMIT itself included), for tests that count round trips. Call it inside
 * `database.transaction()`; the returned array fills as the transaction goes on.
 */
export async function recordStatements(database: Database): Promise<string[]> {
  const runner = database.manager.queryRunner;
  if (!runner) throw new Error('recordStatements() needs an open transaction');
  // the pg client under the transaction: every round trip goes through its query()
  const client = (await runner.connect()) as { query: QueryFunction };
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : String((first as { text?: unknown }).text);
    statements.push(sql);
    if (/^(COMMIT|ROLLBACK)\b/.test(sql)) client.query = original;
    return original.apply(this, args);
  };
  return statements;
}
