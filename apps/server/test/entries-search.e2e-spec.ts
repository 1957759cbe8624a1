import request from 'supertest';
import { RegisterEntryRepository } from '../../../libs/registers/src/entries/register-entry.repository';
import { newEntry } from '../../../libs/registers/src/search/entry-search.test-helper';
import { DocumentTypeRepository } from '../../../libs/registers/src/types/document-type.repository';
import { insertAgency, insertUser, TEST_PASSWORD } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

describe('GET /api/v1/agencies/:agencyId/entries', () => {
  let server: TestServer;
  let commune: string;
  let other: string;
  let token: string;
  const url = (agencyId: string) => `/api/v1/agencies/${agencyId}/entries`;

  beforeAll(async () => {
    server = await startTestServer();
    const ds = server.db.dataSource;
    commune = (await insertAgency(ds, { code: '000.01.12.H15', name: 'UBND xã Ea Sol' })).id;
    other = (await insertAgency(ds, { code: '000.02.12.H15', name: 'UBND xã Ea Hiao' })).id;
    await insertUser(ds, { agencyId: commune, username: 'easol.cv', roles: ['specialist'] });
    const entries = new RegisterEntryRepository(
      server.db.database,
      new DocumentTypeRepository(server.db.database),
    );
    await entries.insert(
      newEntry(commune, {
        subject: 'Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm 2026',
        documentTypeCode: 'QD',
        status: 'registered',
        entryDate: '2026-11-20',
      }),
    );
    await entries.insert(
      newEntry(commune, {
        subject: 'Báo cáo tình hình thu ngân sách',
        status: 'assigned',
        entryDate: '2026-11-19',
      }),
    );
    await entries.insert(
      newEntry(commune, { subject: 'Báo cáo tổng kết', status: 'closed', entryDate: '2026-11-18' }),
    );
    await entries.insert(
      newEntry(other, { subject: 'Quyết định về việc phê duyệt', entryDate: '2026-11-21' }),
    );
    const login = await request(server.url)
      .post('/api/v1/auth/login')
      .send({ username: 'easol.cv', password: TEST_PASSWORD })
      .expect(200);
    token = login.body.token as string;
  });
  afterAll(() => server.close());

  const get = (path: string, query: Record<string, string | string[]> = {}) =>
    request(server.url).get(path).query(query).set('Authorization', `Bearer ${token}`);

  it('finds entries without diacritics and pages with a cursor', async () => {
    const found = await get(url(commune), { q: 'quyet dinh phe duy' }).expect(200);
    expect(found.body.items.map((i: { subject: string }) => i.subject)).toEqual([
      'Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm 2026',
    ]);
    expect(found.body.nextCursor).toBeNull();

    const first = await get(url(commune), { limit: '2' }).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await get(url(commune), { limit: '2', cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items.map((i: { subject: string }) => i.subject)).toEqual(['Báo cáo tổng kết']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('finds by the type name and full-width letters, and nothing for "*", "%" or an emoji', async () => {
    const subjects = async (q: string) =>
      (await get(url(commune), { q }).expect(200)).body.items.map((i: { subject: string }) => i.subject);
    // "Báo cáo tình hình…" is a Công văn (the default type of these entries): its type is searchable
    expect(await subjects('cong van thu ngan sach')).toEqual(['Báo cáo tình hình thu ngân sách']);
    expect(await subjects('ｂáｏ ｃáｏ ｔổｎｇ')).toEqual(['Báo cáo tổng kết']);
    for (const q of ['*', '%', '😀']) expect(await subjects(q)).toEqual([]);
  });

  it('takes several statuses as a list or repeated', async () => {
    for (const status of ['assigned,closed', ['assigned', 'closed']]) {
      const res = await get(url(commune), { status }).expect(200);
      expect(res.body.items.map((i: { status: string }) => i.status)).toEqual(['assigned', 'closed']);
    }
  });

  it('answers 404 for an agency the user has no role in', async () => {
    const res = await get(url(other), { q: 'quyet dinh' }).expect(404);
    expect(res.body.code).toBe('AGENCY_NOT_FOUND');
  });

  it.each<[string, Record<string, string>, string]>([
    ['an impossible date', { from: '2026-02-30' }, 'VALIDATION_FAILED'],
    ['a range that ends before it starts', { from: '2026-11-20', to: '2026-11-01' }, 'VALIDATION_FAILED'],
    ['an unknown status', { status: 'lost' }, 'VALIDATION_FAILED'],
    ['a limit over 100', { limit: '101' }, 'VALIDATION_FAILED'],
    ['a made-up cursor', { cursor: 'bm90LWEtY3Vyc29y' }, 'SEARCH_CURSOR_INVALID'],
  ])('answers 400 for %s', async (_label, query, code) => {
    const res = await get(url(commune), query).expect(400);
    expect(res.body.code).toBe(code);
  });
});
