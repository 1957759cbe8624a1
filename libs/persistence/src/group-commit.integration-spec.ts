import { AsyncLocalStorage } from 'node:async_hooks';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';

describe('Database.groupTransaction (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`
      CREATE TABLE gc_counter (id int PRIMARY KEY, next int NOT NULL);
      INSERT INTO gc_counter VALUES (1, 1);
      CREATE TABLE gc_taken (n int PRIMARY KEY, label text NOT NULL, txid bigint NOT NULL,
        CONSTRAINT uq_gc_taken_label UNIQUE (label) DEFERRABLE INITIALLY DEFERRED)`);
  });
  afterEach(() => db.close());

  /** Takes the next number as an issue does, and records it with the transaction that took it. */
  async function take(label: string): Promise<number> {
    const [rows] = await db.database.manager.query(
      `UPDATE gc_counter SET next = next + 1 WHERE id = 1 RETURNING next - 1 AS n`,
    );
    const n = Number(rows[0].n);
    await db.database.manager.query(`INSERT INTO gc_taken VALUES ($1, $2, txid_current())`, [n, label]);
    return n;
  }

  const taken = async (): Promise<{ n: number; label: string; txid: string }[]> =>
    db.dataSource.query(`SELECT n, label, txid::text FROM gc_taken ORDER BY n`);

  it('commits the works that queued behind a running one together, numbers in order', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => db.database.groupTransaction('series', () => take(`t${i}`))),
    );
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await taken();
    expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 30 }, (_, i) => `t${i}`));
    // the first work ran alone; the 29 that arrived while it ran shared the next transaction
    expect(new Set(rows.map((r) => r.txid)).size).toBe(2);
  });

  it('lets callers answered by a commit that come straight back join the next batch', async () => {
    // ten callers, each issuing four works one after the other
    await Promise.all(
      Array.from({ length: 10 }, async (_, c) => {
        for (let i = 0; i < 4; i++) await db.database.groupTransaction('series', () => take(`c${c}-${i}`));
      }),
    );
    const rows = await taken();
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // c0 alone first, then everyone together each round (c0 one round ahead): 5 transactions,
    // where a batch that started as soon as the last one committed would alternate 1 and 9
    expect(new Set(rows.map((r) => r.txid)).size).toBe(5);
  });

  it('answers a failing work with its error and keeps the others without a gap', async () => {
    const runs = new Map<string, number>();
    const work = (label: string) => async () => {
      runs.set(label, (runs.get(label) ?? 0) + 1);
      const n = await take(label);
      if (label === 'bad') throw new Error(`refused after taking ${n}`);
      return n;
    };
    const labels = ['first', 'a', 'b', 'bad', 'c', 'd'];
    const outcomes = await Promise.allSettled(labels.map((l) => db.database.groupTransaction('k', work(l))));

    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[3] as PromiseRejectedResult).reason.message).toBe('refused after taking 4');
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect((await taken()).map((r) => r.label)).toEqual(['first', 'a', 'b', 'c', 'd']);
    // a and b ran before the failure: their first run was rolled back with it, so they ran again
    expect(Object.fromEntries(runs)).toEqual({ first: 1, a: 2, b: 2, bad: 1, c: 1, d: 1 });
  });

  it('answers every work of a batch whose COMMIT fails, and writes none of them', async () => {
    const first = db.database.groupTransaction('k', () => take('solo'));
    const twins = ['same', 'same'].map((label) => db.database.groupTransaction('k', () => take(label)));
    await expect(first).resolves.toBe(1);
    const settled = await Promise.allSettled(twins);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/uq_gc_taken_label/);
    expect((await taken()).map((r) => r.label)).toEqual(['solo']);
    const [{ next }] = await db.dataSource.query(`SELECT next FROM gc_counter`);
    expect(next).toBe(2);
  });

  it('runs each work in its caller’s async context', async () => {
    const caller = new AsyncLocalStorage<string>();
    const seen = await Promise.all(
      ['an', 'binh', 'chi'].map((name) =>
        caller.run(name, () =>
          db.database.groupTransaction('k', async () => {
            await take(name);
            return caller.getStore();
          }),
        ),
      ),
    );
    expect(seen).toEqual(['an', 'binh', 'chi']);
  });

  it('joins an open transaction instead of queueing', async () => {
    await expect(
      db.database.transaction(async () => {
        await db.database.groupTransaction('k', () => take('inside'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await taken()).toEqual([]);
  });
});
