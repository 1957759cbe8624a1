import { createTestDatabase, insertAgency, type TestDatabase } from '@vanthu/test-kit';
import { newEntry } from '../search/entry-search.test-helper';
import { RegisterEntryRepository } from './register-entry.repository';

describe('RegisterEntryRepository inserts (real PostgreSQL)', () => {
  let db: TestDatabase;
  let entries: RegisterEntryRepository;
  let agencyId: string;

  beforeEach(async () => {
    db = await createTestDatabase();
    entries = new RegisterEntryRepository(db.database);
    agencyId = (await insertAgency(db.dataSource, { code: '000.00.12.H15', name: "UBND huyện Ea H'Leo" })).id;
  });
  afterEach(() => db.close());

  /** The insert statements prepared on the connection of the current transaction. */
  const preparedInserts = async (): Promise<string[]> =>
    (
      await db.database.manager.query(
        `SELECT statement FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO "register_entry"%'`,
      )
    ).map((r: { statement: string }) => r.statement);

  it('prepares an insert once per connection and row count, and reuses it', async () => {
    const prepared = await db.database.transaction(async () => {
      await entries.insert(newEntry(agencyId, { subject: 'Công văn thứ nhất' }));
      await entries.insert(newEntry(agencyId, { subject: 'Công văn thứ hai' }));
      await entries.insertMany([newEntry(agencyId), newEntry(agencyId)]);
      await entries.insertMany([newEntry(agencyId), newEntry(agencyId)]);
      // a batch larger than the prepared ones goes as a plain statement
      await entries.insertMany(Array.from({ length: 17 }, () => newEntry(agencyId)));
      return preparedInserts();
    });
    const rowCounts = prepared.map((statement) => statement.split('), (').length).sort();
    expect(rowCounts).toEqual([1, 2]);
    const subjects = await db.dataSource.query(`SELECT subject FROM register_entry ORDER BY subject`);
    expect(subjects).toHaveLength(23);
    expect(subjects.map((r: { subject: string }) => r.subject)).toEqual(
      expect.arrayContaining(['Công văn thứ nhất', 'Công văn thứ hai']),
    );
  });

  it('reports a constraint broken by a prepared insert like any other', async () => {
    const row = newEntry(agencyId);
    await db.database.transaction(() => entries.insert(row));
    await expect(db.database.transaction(() => entries.insert(row))).rejects.toMatchObject({
      code: '23505',
      constraint: 'pk_register_entry',
    });
  });
});
