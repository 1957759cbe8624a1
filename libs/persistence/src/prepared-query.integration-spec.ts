import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import { translateDatabaseError } from './database-errors';

describe('Database.prepared (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`CREATE TABLE pq_item (id int PRIMARY KEY, label text NOT NULL)`);
  });
  afterEach(() => db.close());

  const insert = (id: number, label: string) =>
    db.database.prepared(`INSERT INTO pq_item (id, label) VALUES ($1, $2) RETURNING id`, [id, label]);
  const labels = async (): Promise<string[]> =>
    (await db.dataSource.query(`SELECT label FROM pq_item ORDER BY id`)).map(
      (r: { label: string }) => r.label,
    );

  it('answers rows and row count, inside a transaction as a named statement prepared once', async () => {
    const prepared = await db.database.transaction(async () => {
      expect(await insert(1, 'một')).toEqual({ rows: [{ id: 1 }], rowCount: 1 });
      await insert(2, 'hai');
      const { rows, rowCount } = await db.database.prepared<{ label: string }>(
        `SELECT label FROM pq_item WHERE id = ANY($1::int[]) ORDER BY id`,
        [[1, 2]],
      );
      expect({ rows, rowCount }).toEqual({ rows: [{ label: 'một' }, { label: 'hai' }], rowCount: 2 });
      return db.database.manager.query(
        `SELECT name FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO pq_item%'`,
      );
    });
    expect(prepared).toHaveLength(1);
    expect(await labels()).toEqual(['một', 'hai']);
  });

  it('writes in the transaction it is called in, so a rollback takes it back', async () => {
    await expect(
      db.database.transaction(async () => {
        await insert(1, 'rolled back');
        throw new Error('give up');
      }),
    ).rejects.toThrow('give up');
    expect(await labels()).toEqual([]);
  });

  it('runs outside a transaction on a pooled connection, and reports constraint errors', async () => {
    await insert(1, 'first');
    const failure = await insert(1, 'again').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505' });
    expect(translateDatabaseError(failure)?.code).toBe('DUPLICATE');
    // the pooled connection went back to the pool: the next call works
    await insert(2, 'second');
    expect(await labels()).toEqual(['first', 'second']);
  });
});
