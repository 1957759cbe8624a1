import { MIGRATIONS } from '@vanthu/persistence';
import { createTestDatabase, insertAgency, insertUser, type TestDatabase } from '@vanthu/test-kit';
import { EntrySearchRepository } from '../search/entry-search.repository';
import { FixedClock, newEntry, principalOf } from '../search/entry-search.test-helper';
import { SearchEntriesUseCase } from '../search/search-entries.use-case';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { RegisterEntryRepository } from './register-entry.repository';
import { buildSearchText } from './search-text';

/** The folding of the code before migration 1764100000411: no NFKC step. */
function oldFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

describe('migration 1764100000411: search text of the rows written before it (real PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('appends the type name and folds full-width letters, as buildSearchText now writes them', async () => {
    const agencyId = (await insertAgency(db.dataSource, { code: '000.01.12.H15', name: 'UBND xã Ea Sol' }))
      .id;
    const userId = (
      await insertUser(db.dataSource, { agencyId, username: 'easol.cv', roles: ['specialist'] })
    ).id;
    const entries = new RegisterEntryRepository(db.database, new DocumentTypeRepository(db.database));
    const rows = await entries.insertMany([
      newEntry(agencyId, { documentTypeCode: 'TTR', subject: 'Đề nghị phê duyệt dự toán sửa chữa trụ sở' }),
      newEntry(agencyId, { documentTypeCode: 'KH', subject: 'Ｔｒｉểｎ ｋｈａｉ chuyển đổi số năm 2027' }),
      newEntry(agencyId, {
        documentTypeCode: 'CV',
        subject: 'V/v “rà soát” hồ sơ — đợt 2',
        organName: 'Sở Nội vụ',
      }),
    ]);
    // as the code before the migration wrote them: no type name, full-width letters kept
    for (const row of rows) {
      const before = oldFold([row.subject, row.organName].filter((p): p is string => !!p).join(' '));
      await db.dataSource.query('UPDATE register_entry SET search_text = $2 WHERE id = $1', [row.id, before]);
    }
    const search = new SearchEntriesUseCase(
      new EntrySearchRepository(db.database),
      new FixedClock(new Date('2026-11-25T03:00:00Z')),
    );
    const find = async (q: string) =>
      (await search.execute({ principal: principalOf(agencyId, userId), agencyId, q })).items.map(
        (i) => i.id,
      );
    expect(await find('to trinh')).toEqual([]);
    expect(await find('trien khai')).toEqual([]);

    const migration = MIGRATIONS.find((m) => m.name === 'EntrySearchTypeName1764100000411')!;
    const run = async (step: 'up' | 'down') => {
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await new migration()[step](runner);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
    };
    await run('up');

    const names = await new DocumentTypeRepository(db.database).names();
    for (const row of rows) {
      const [{ search_text }] = await db.dataSource.query(
        'SELECT search_text FROM register_entry WHERE id = $1',
        [row.id],
      );
      expect(search_text).toBe(buildSearchText(row, names.get(row.documentTypeCode)!));
    }
    expect(await find('to trinh')).toEqual([rows[0].id]);
    expect(await find('ke hoach trien khai')).toEqual([rows[1].id]);
    expect(await find('cong van ra soat')).toEqual([rows[2].id]);
    // the scoped index is back, with its definition
    const [{ def }] = await db.dataSource.query(
      `SELECT pg_get_indexdef('ix_register_entry_scoped_search'::regclass) AS def`,
    );
    expect(def).toContain('register_entry_scoped_vector(search_vector, agency_id, entry_date)');

    // reverted: the type names go again (the full-width letters stay folded, which is harmless)
    await run('down');
    const [{ search_text: reverted }] = await db.dataSource.query(
      'SELECT search_text FROM register_entry WHERE id = $1',
      [rows[0].id],
    );
    expect(reverted).toBe(buildSearchText(rows[0], null));
  });
});
