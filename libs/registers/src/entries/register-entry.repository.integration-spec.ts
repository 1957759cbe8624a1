import { createTestDatabase, insertAgency, type TestDatabase } from '@vanthu/test-kit';
import { newEntry } from '../search/entry-search.test-helper';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { RegisterEntryRepository } from './register-entry.repository';

describe('RegisterEntryRepository inserts (real PostgreSQL)', () => {
  let db: TestDatabase;
  let entries: RegisterEntryRepository;
  let agencyId: string;

  beforeEach(async () => {
    db = await createTestDatabase();
    entries = new RegisterEntryRepository(db.database, new DocumentTypeRepository(db.database));
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

  it('finds duplicates through the identifier and notation indexes, not by reading the whole agency', async () => {
    const issuer = 'Sở Nội vụ tỉnh Đắk Lắk';
    await entries.insertMany(
      Array.from({ length: 400 }, (_, i) =>
        newEntry(agencyId, { codeNumber: String(i + 1), codeNotation: 'SNV-VP', organName: issuer }),
      ),
    );
    const [byIdentifier] = await entries.insertMany([
      newEntry(agencyId, {
        documentIdentifier: '000.00.12.H15-261120-0401',
        createdAt: new Date('2026-11-19T03:00:00Z'),
      }),
    ]);
    const { found, fetched } = await db.database.transaction(async () => {
      // A named statement runs on its generic plan after five executions: use that plan from the
      // first. The table has not been analysed yet, as on a new installation: with one condition
      // joined by OR, this plan read all 401 entries of the agency for each key.
      await db.database.manager.query('SET LOCAL plan_cache_mode = force_generic_plan');
      const found = await entries.findFirstDuplicates([
        {
          agencyId,
          documentIdentifier: null,
          codeNumber: '250',
          codeNotation: 'SNV-VP',
          organId: null,
          organName: 'sở nội vụ tỉnh đắk lắk',
        },
        {
          agencyId,
          documentIdentifier: '000.00.12.H15-261120-0401',
          codeNumber: '250',
          codeNotation: 'SNV-VP',
          organId: null,
          organName: issuer,
        },
        {
          agencyId,
          documentIdentifier: null,
          codeNumber: '401',
          codeNotation: 'SNV-VP',
          organId: null,
          organName: issuer,
        },
      ]);
      const [stats] = await db.database.manager.query(
        `SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) AS fetched FROM pg_stat_xact_user_tables WHERE relname = 'register_entry'`,
      );
      return { found, fetched: Number(stats.fetched) };
    });
    expect(found.map((e) => e && [e.codeNumber, e.documentIdentifier])).toEqual([
      ['250', null],
      [null, '000.00.12.H15-261120-0401'],
      null,
    ]);
    expect(found[1]?.id).toBe(byIdentifier.id);
    // the three keys match three entries (two rows each for the second key, one per index),
    // plus the three rows read back as entities
    expect(fetched).toBeLessThan(20);
  });
});
