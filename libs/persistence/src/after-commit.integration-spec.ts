import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';

/**
 * Database.afterCommit: what wakes a worker must run only once the rows are visible to another
 * connection (the worker's), and never for a transaction that rolled back.
 */
describe('Database.afterCommit (real PostgreSQL)', () => {
  let db: TestDatabase;
  let other: Client;
  /** checks started by synchronous hooks, awaited by the test */
  const pending: Promise<unknown>[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE ac_row (id int PRIMARY KEY)`);
    other = new Client({ connectionString: db.url });
    await other.connect();
  });
  afterEach(async () => {
    await other.end();
    await db.close();
  });

  const seenByOther = async (id: number) =>
    (await other.query('SELECT 1 FROM ac_row WHERE id = $1', [id])).rowCount === 1;

  it('runs after the commit, outside the transaction, when another connection sees the row', async () => {
    const seen: { visible: boolean; inTransaction: boolean }[] = [];
    await db.database.transaction(async () => {
      await db.database.manager.query('INSERT INTO ac_row VALUES (1)');
      db.database.afterCommit(() => {
        // the hook is synchronous: record the check's promise, resolved below
        pending.push(
          seenByOther(1).then((visible) => seen.push({ visible, inTransaction: db.database.inTransaction })),
        );
      });
      expect(await seenByOther(1)).toBe(false);
    });
    await Promise.all(pending);
    expect(seen).toEqual([{ visible: true, inTransaction: false }]);
  });

  it('never runs for a transaction that rolled back, and a failing hook does not fail the commit', async () => {
    let ran = 0;
    await expect(
      db.database.transaction(async () => {
        await db.database.manager.query('INSERT INTO ac_row VALUES (2)');
        db.database.afterCommit(() => ran++);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(ran).toBe(0);

    await db.database.transaction(async () => {
      await db.database.manager.query('INSERT INTO ac_row VALUES (3)');
      db.database.afterCommit(() => {
        throw new Error('hook failed');
      });
      db.database.afterCommit(() => ran++);
    });
    expect(ran).toBe(1);
    expect(await seenByOther(3)).toBe(true);
  });
});
