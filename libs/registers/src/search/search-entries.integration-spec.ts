import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  insertAgency,
  insertUnit,
  insertUser,
  type TestDatabase,
} from '@vanthu/test-kit';
import type { NewEntry } from '../entries/register-entry.repository';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { EntrySearchRepository } from './entry-search.repository';
import { FixedClock, newEntry, principalOf } from './entry-search.test-helper';
import { type EntryPage, type SearchEntriesInput, SearchEntriesUseCase } from './search-entries.use-case';

type Query = Omit<SearchEntriesInput, 'principal' | 'agencyId'>;

describe('SearchEntriesUseCase (real PostgreSQL)', () => {
  let db: TestDatabase;
  let entries: RegisterEntryRepository;
  let search: SearchEntriesUseCase;
  const ids: Record<string, string> = {};
  const e: Record<string, string> = {};

  const add = async (key: string, agencyId: string, over: Partial<NewEntry>): Promise<string> => {
    const row = await entries.insert(newEntry(agencyId, over));
    e[key] = row.id;
    return row.id;
  };
  const find = (query: Query, agency = 'commune'): Promise<EntryPage> =>
    search.execute({
      principal: principalOf(ids[agency], ids[`${agency}.user`]),
      agencyId: ids[agency],
      ...query,
    });
  const keysOf = (page: EntryPage): string[] =>
    page.items.map((item) => Object.keys(e).find((k) => e[k] === item.id) ?? item.id);
  const assign = (entryId: string, a: { unitId?: string; userId?: string; role?: string }) =>
    db.dataSource.query(
      `INSERT INTO assignment (id, entry_id, role, unit_id, user_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        randomUUID(),
        entryId,
        a.role ?? 'cooperate',
        a.unitId ?? null,
        a.userId ?? null,
        ids['commune.leader'],
      ],
    );
  const register = async (agencyId: string, year: number, kind: string): Promise<string> => {
    const rows: { id: string }[] = await db.dataSource.query(
      `INSERT INTO register (id, agency_id, year, kind, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [randomUUID(), agencyId, year, kind, `Sổ ${kind} năm ${year}`],
    );
    return rows[0].id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = db.dataSource;
    entries = new RegisterEntryRepository(db.database, new DocumentTypeRepository(db.database));
    // 25 November 2026, 10:00 in Vietnam.
    search = new SearchEntriesUseCase(
      new EntrySearchRepository(db.database),
      new FixedClock(new Date('2026-11-25T03:00:00Z')),
    );
    for (const [key, code, name] of [
      ['commune', '000.01.12.H15', 'UBND xã Ea Sol'],
      ['other', '000.02.12.H15', 'UBND xã Ea Hiao'],
      ['paging', '000.03.12.H15', 'UBND xã Dliê Yang'],
    ]) {
      ids[key] = (await insertAgency(ds, { code, name })).id;
      ids[`${key}.user`] = (
        await insertUser(ds, { agencyId: ids[key], username: `${key}.cv`, roles: ['specialist'] })
      ).id;
    }
    ids['commune.leader'] = (
      await insertUser(ds, { agencyId: ids.commune, username: 'commune.ld', roles: ['leader'] })
    ).id;
    ids['commune.other'] = (
      await insertUser(ds, { agencyId: ids.commune, username: 'commune.cv2', roles: ['specialist'] })
    ).id;
    ids.unitVp = (
      await insertUnit(ds, { agencyId: ids.commune, code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    ).id;
    ids.unitTc = (
      await insertUnit(ds, { agencyId: ids.commune, code: 'TC', name: 'Tài chính', abbreviation: 'TC' })
    ).id;
    ids.incoming2026 = await register(ids.commune, 2026, 'incoming');
    ids.outgoing2025 = await register(ids.commune, 2025, 'outgoing');

    await add('decision', ids.commune, {
      subject: 'Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm 2026 trên địa bàn xã Ea Sol',
      documentTypeCode: 'QD',
      codeNumber: '12',
      codeNotation: 'QĐ-UBND',
      organName: 'UBND tỉnh Đắk Lắk',
      entryDate: '2026-11-20',
      registerId: ids.incoming2026,
      number: 1,
      year: 2026,
      priority: 'urgent',
      dueDate: '2026-11-22',
    });
    await add('report', ids.commune, {
      direction: 'outgoing',
      status: 'issued',
      subject: 'Báo cáo tình hình thu ngân sách nhà nước quý III năm 2025',
      documentTypeCode: 'BC',
      codeNumber: '05',
      codeNotation: 'BC-UBND',
      entryDate: '2025-10-05',
      registerId: ids.outgoing2025,
      number: 1,
      year: 2025,
    });
    await add('invitation', ids.commune, {
      subject: 'Giấy mời họp triển khai nhiệm vụ chuyển đổi số',
      documentTypeCode: 'GM',
      organName: 'Sở Tài chính tỉnh Đắk Lắk',
      entryDate: '2026-11-18',
      status: 'assigned',
      leadUnitId: ids.unitVp,
      leadUserId: ids['commune.user'],
      dueDate: '2026-12-30',
    });
    await add('plain', ids.commune, {
      subject: 'V/v ho tro kinh phi cho xa Ea Sol, tinh dak lak',
      entryDate: '2026-11-10',
      status: 'in_progress',
      leadUnitId: ids.unitTc,
      dueDate: '2026-11-01',
    });
    await add('closed', ids.commune, {
      subject: 'Công văn về việc tăng cường phòng cháy, chữa cháy rừng',
      entryDate: '2026-09-15',
      status: 'closed',
      dueDate: '2026-10-01',
    });
    await assign(e.plain, { unitId: ids.unitVp });
    await assign(e.plain, { userId: ids['commune.other'] });
    await add('foreign', ids.other, {
      subject: 'Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm 2026',
      documentTypeCode: 'QD',
      codeNumber: '12',
      codeNotation: 'QĐ-UBND',
      organName: 'UBND tỉnh Đắk Lắk',
      entryDate: '2026-11-21',
    });
    await add('submission', ids.other, {
      subject: 'Đề nghị phê duyệt dự toán kinh phí sửa chữa trụ sở làm việc',
      documentTypeCode: 'TTR',
      entryDate: '2026-11-05',
    });
  });
  afterAll(() => db.close());

  describe('words', () => {
    it('finds "Quyết định" from "quyet dinh" and from "QUYẾT ĐỊNH"', async () => {
      expect(keysOf(await find({ q: 'quyet dinh' }))).toEqual(['decision']);
      const page = await find({ q: 'QUYẾT ĐỊNH' });
      expect(keysOf(page)).toEqual(['decision']);
      expect(page.items[0]).toMatchObject({
        entryDate: '2026-11-20',
        numberNotation: '12/QĐ-UBND',
        arrivalNumber: '01',
        typeCode: 'QD',
        priority: 'urgent',
        dueDate: '2026-11-22',
        organName: 'UBND tỉnh Đắk Lắk',
        version: 1,
        createdAt: '2026-11-20T03:00:00.000Z',
      });
    });

    it('matches "Đắk Lắk" and "dak lak" both ways, in any field of the metadata', async () => {
      const withMarks = keysOf(await find({ q: 'Đắk Lắk' }));
      expect(withMarks).toEqual(['decision', 'invitation', 'plain']);
      expect(keysOf(await find({ q: 'dak lak' }))).toEqual(withMarks);
    });

    it('treats the last word as a prefix: "phe duy" finds "phê duyệt"', async () => {
      expect(keysOf(await find({ q: 'phe duy' }))).toEqual(['decision']);
      expect(keysOf(await find({ q: 'phe duyx' }))).toEqual([]);
    });

    it('finds a number and notation typed without marks', async () => {
      expect(keysOf(await find({ q: '12/qd-ubnd' }))).toEqual(['decision']);
      expect(keysOf(await find({ q: '05/BC' }))).toEqual(['report']);
    });

    it('never shows another agency’s entries, and refuses an agency the user has no role in', async () => {
      const all = await find({});
      expect(all.items.every((item) => item.agencyId === ids.commune)).toBe(true);
      expect(keysOf(all)).toEqual(['decision', 'invitation', 'plain', 'closed', 'report']);
      await expect(
        search.execute({ principal: principalOf(ids.commune, ids['commune.user']), agencyId: ids.other }),
      ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND', status: 404 });
    });

    it.each([
      ['%'],
      ["'"],
      ['&|!'],
      ["quyết' & định"],
      ["' OR 1=1 --"],
      ["phe duy'); DROP TABLE register_entry; --"],
      [':* \\ ( ) <-> <2>'],
    ])('takes %j as plain text', async (q) => {
      const page = await find({ q });
      expect(page.items.every((item) => item.agencyId === ids.commune)).toBe(true);
      const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM register_entry');
      expect(n).toBeGreaterThanOrEqual(6);
    });

    it("finds a document by its type's name when the subject does not say it", async () => {
      // Tờ trình: the subject only says what is proposed
      expect(keysOf(await find({ q: 'to trinh' }, 'other'))).toEqual(['submission']);
      expect(keysOf(await find({ q: 'Tờ trình phê duyệt dự toán' }, 'other'))).toEqual(['submission']);
      expect(keysOf(await find({ q: 'quyet dinh' }, 'other'))).toEqual(['foreign']);
    });

    it('folds full-width letters and digits typed with an East Asian input method', async () => {
      expect(keysOf(await find({ q: 'ｑｕｙｅｔ ｄｉｎｈ' }))).toEqual(['decision']);
      expect(keysOf(await find({ q: 'ＱＵＹẾＴ ĐỊＮＨ ｐｈｅ' }))).toEqual(['decision']);
      expect(keysOf(await find({ q: '１２/ＱĐ-ＵＢＮＤ' }))).toEqual(['decision']);
    });

    it.each([['*'], ['%'], ['_'], ['😀'], ['📄 🔍'], ['* %']])(
      'finds nothing for %j, not everything',
      async (q) => {
        expect(await find({ q })).toEqual({ items: [], nextCursor: null });
      },
    );

    it('takes a query of spaces as no query', async () => {
      expect(keysOf(await find({ q: '   ' }))).toEqual(keysOf(await find({})));
    });

    it('reads quotes and operators as separators, not as query syntax', async () => {
      expect(keysOf(await find({ q: "quyết' & định" }))).toEqual(['decision']);
      expect(keysOf(await find({ q: 'quyet | bao' }))).toEqual([]);
    });
  });

  describe('filters', () => {
    it.each<[string, Query, string[]]>([
      ['direction', { direction: 'outgoing' }, ['report']],
      ['register', { registerId: 'incoming2026' }, ['decision']],
      ['year', { year: 2025 }, ['report']],
      ['date range', { from: '2026-11-10', to: '2026-11-18' }, ['invitation', 'plain']],
      ['year and range together', { year: 2026, from: '2025-01-01', to: '2026-11-15' }, ['plain', 'closed']],
      ['type', { type: 'GM' }, ['invitation']],
      ['one status', { status: ['in_progress'] }, ['plain']],
      ['several statuses', { status: ['closed', 'issued'] }, ['closed', 'report']],
      ['priority', { priority: 'urgent' }, ['decision']],
      ['unit as lead or assigned', { unitId: 'unitVp' }, ['invitation', 'plain']],
      ['unit as lead only', { unitId: 'unitTc' }, ['plain']],
      ['assignee as lead', { assigneeId: 'commune.user' }, ['invitation']],
      ['assignee through an assignment', { assigneeId: 'commune.other' }, ['plain']],
      ['overdue', { overdue: true }, ['decision', 'plain']],
      [
        'overdue false is no filter',
        { overdue: false },
        ['decision', 'invitation', 'plain', 'closed', 'report'],
      ],
      [
        'words and filters together',
        { q: 'dak lak', status: ['registered', 'in_progress'] },
        ['decision', 'plain'],
      ],
      ['words and a unit', { q: 'dak lak', unitId: 'unitVp' }, ['invitation', 'plain']],
      ['words and an assignee', { q: 'ho tro', assigneeId: 'commune.other' }, ['plain']],
    ])('%s', async (_label, query, expected) => {
      const resolved = { ...query };
      for (const key of ['registerId', 'unitId', 'assigneeId'] as const) {
        if (resolved[key]) resolved[key] = ids[resolved[key]];
      }
      expect(keysOf(await find(resolved))).toEqual(expected);
    });

    it('finds a unit with many assignments by checking entries in date order', async () => {
      // Past the repository's threshold (1000), the unit is checked per entry instead of listed.
      const busy = (
        await insertUnit(db.dataSource, {
          agencyId: ids.commune,
          code: 'BUSY',
          name: 'Bận',
          abbreviation: 'B',
        })
      ).id;
      await db.dataSource.query(
        `INSERT INTO assignment (id, entry_id, role, unit_id, assigned_by, assigned_at)
         SELECT gen_random_uuid(), $1, 'inform', $2, $3, now() FROM generate_series(1, 1000)`,
        [e.closed, busy, ids['commune.leader']],
      );
      expect(keysOf(await find({ unitId: busy }))).toEqual(['closed']);
      expect(keysOf(await find({ unitId: busy, q: 'phong chay' }))).toEqual(['closed']);
    });

    it('gives an empty page when the year and the range do not meet', async () => {
      expect(await find({ year: 2025, from: '2026-01-01' })).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('pages', () => {
    const paging: string[] = [];

    beforeAll(async () => {
      // 45 entries over 5 days, 9 a day: the id decides the order within a day.
      for (let i = 0; i < 45; i++) {
        const id = await add(`p${i}`, ids.paging, {
          subject: `Kế hoạch số ${i + 1} về chuyển đổi số`,
          entryDate: `2026-10-0${1 + (i % 5)}`,
        });
        paging.push(id);
      }
    });

    const expectedOrder = async (): Promise<string[]> =>
      (
        await db.dataSource.query(
          `SELECT id FROM register_entry WHERE id = ANY($1) ORDER BY entry_date DESC, id DESC`,
          [paging],
        )
      ).map((r: { id: string }) => r.id);

    it.each([
      ['without words', undefined],
      ['with words', 'ke hoach chuyen'],
    ])('returns each row exactly once in order %s, while rows are added between pages', async (_label, q) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      const sizes: number[] = [];
      do {
        const page = await find({ q, limit: 20, cursor }, 'paging');
        sizes.push(page.items.length);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        // A newer entry and one dated inside the pages already read, both matching.
        await entries.insert(
          newEntry(ids.paging, { subject: 'Kế hoạch chuyển đổi số bổ sung', entryDate: '2026-11-01' }),
        );
        await entries.insert(
          newEntry(ids.paging, { subject: 'Kế hoạch chuyển đổi số bổ sung', entryDate: '2026-10-05' }),
        );
      } while (cursor);
      const original = seen.filter((id) => paging.includes(id));
      expect(original).toEqual(await expectedOrder());
      expect(sizes[0]).toBe(20);
    });

    it('answers SEARCH_CURSOR_INVALID for a cursor it did not make', async () => {
      await expect(find({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
        code: 'SEARCH_CURSOR_INVALID',
        status: 400,
      });
    });
  });

  describe('rare words behind many newer entries (month-by-month index)', () => {
    const matching: string[] = [];

    beforeAll(async () => {
      ids.deep = (await insertAgency(db.dataSource, { code: '000.04.12.H15', name: 'UBND xã Ea Nam' })).id;
      ids['deep.user'] = (
        await insertUser(db.dataSource, { agencyId: ids.deep, username: 'deep.cv', roles: ['clerk'] })
      ).id;
      for (let i = 0; i < 230; i++) {
        await entries.insert(
          newEntry(ids.deep, { subject: `Giấy mời họp giao ban lần ${i}`, entryDate: '2026-11-2' + (i % 5) }),
        );
      }
      // 25 matches, one every 5 weeks back to 2024, typed with marks, some of them decisions.
      for (let i = 0; i < 25; i++) {
        const date = new Date(Date.UTC(2026, 10, 15) - i * 35 * 86_400_000).toISOString().slice(0, 10);
        const row = await entries.insert(
          newEntry(ids.deep, {
            subject: `Tờ trình đề nghị phê duyệt đề án tái canh cà phê đợt ${i + 1}`,
            documentTypeCode: i % 3 === 0 ? 'QD' : 'TTR',
            entryDate: date,
          }),
        );
        matching.push(row.id);
      }
      await entries.insert(
        newEntry(ids.other, {
          subject: 'Tờ trình đề nghị phê duyệt đề án tái canh cà phê',
          entryDate: '2025-06-02',
        }),
      );
    });

    const all = async (query: Query): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await find({ ...query, cursor }, 'deep');
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };

    it('pages through every match in order', async () => {
      expect(await all({ q: 'tai canh ca ph', limit: 10 })).toEqual(matching);
      const [first] = (await find({ q: 'tai canh ca ph', limit: 1 }, 'deep')).items;
      expect(first).toMatchObject({
        id: matching[0],
        entryDate: '2026-11-15',
        typeCode: 'QD',
        agencyId: ids.deep,
      });
    });

    it('keeps the year, range and type filters', async () => {
      const dates = await db.dataSource.query(
        `SELECT id, entry_date::text AS d, document_type_code AS t FROM register_entry WHERE id = ANY($1)`,
        [matching],
      );
      const pick = (keep: (r: { d: string; t: string }) => boolean) =>
        matching.filter((id) => keep(dates.find((r: { id: string }) => r.id === id)));
      expect(await all({ q: 'phe duyet de an', year: 2025, limit: 4 })).toEqual(
        pick((r) => r.d.startsWith('2025')),
      );
      expect(await all({ q: 'tai canh', from: '2025-03-01', to: '2026-02-28' })).toEqual(
        pick((r) => r.d >= '2025-03-01' && r.d <= '2026-02-28'),
      );
      expect(await all({ q: 'tai canh', type: 'QD', limit: 3 })).toEqual(pick((r) => r.t === 'QD'));
    });
  });
});
