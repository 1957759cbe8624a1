import request from 'supertest';
import {
  ApiSessions,
  type AgencyRow,
  insertDistrictAndCommunes,
  insertUser,
  TEST_PASSWORD,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

/**
 * Issue 14 §2 and §3: bad input answered with a clear 4xx, and the API as a client meets it. Every list pages the same way, agencies are named by
 * code as well as id, defaults where a client would expect them, and changes carried by the
 * session cookie only from the server's own pages.
 */
describe('one consistent API contract', () => {
  let server: TestServer;
  let api: ApiSessions;
  let district: AgencyRow;
  let commune: AgencyRow;

  beforeAll(async () => {
    server = await startTestServer({ VANTHU_UPLOAD_LIMIT_MB: '1' });
    ({ district, communeA: commune } = await insertDistrictAndCommunes(server.db.dataSource));
    const ds = server.db.dataSource;
    await insertUser(ds, {
      agencyId: district.id,
      username: 'd.clerk',
      fullName: 'Trần Thị Bình',
      roles: ['clerk'],
    });
    await insertUser(ds, { agencyId: district.id, username: 'd.leader', roles: ['leader'] });
    await insertUser(ds, { agencyId: commune.id, username: 'c.clerk', roles: ['clerk'] });
    api = new ApiSessions(server.url);
  });
  afterAll(() => server.close());

  describe('bad input', () => {
    it('refuses a NUL in a login name with 400 naming the field (it answered 500)', async () => {
      const res = await request(server.url)
        .post('/api/v1/auth/login')
        .send({ username: 'd.clerk\u0000', password: TEST_PASSWORD });
      expect([res.status, res.body.code, res.body.details]).toEqual([
        400,
        'TEXT_INVALID_CHARACTERS',
        { field: 'username' },
      ]);
      expect(res.body.message).toBe(
        'Trường "username" chứa ký tự không hợp lệ (ký tự điều khiển hoặc ký tự Unicode lỗi). Hãy xóa ký tự đó và gửi lại.',
      );
    });

    it('names the multipart field or file that was too large', async () => {
      const token = await api.bearer('d.clerk');
      const upload = () =>
        request(server.url).post(`/api/v1/agencies/${district.id}/incoming`).set('Authorization', token);
      const field = await upload()
        .field('metadata', JSON.stringify({ subject: 'x'.repeat(70_000) }))
        .attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');
      expect([field.status, field.body.code, field.body.details]).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
        { field: 'metadata' },
      ]);
      expect(field.body.message).toBe('Trường "metadata" dài quá mức cho phép.');
      const file = await upload()
        .field('metadata', JSON.stringify({ typeCode: 'CV', subject: 'Công văn', organName: 'UBND tỉnh' }))
        .attach('file', Buffer.alloc(1_100_000, 0x20), 'lon.pdf');
      expect([file.status, file.body.code, file.body.details]).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
        { field: 'file' },
      ]);
    });

    it('refuses a deadline of 9999-12-31 with DATE_OUT_OF_RANGE and a Vietnamese detail', async () => {
      const res = await api.get('d.clerk', `/api/v1/agencies/${district.id}/entries?from=9999-12-31`);
      expect(res.status).toBe(400);
      expect(res.body.details.issues).toEqual([
        {
          path: 'from',
          code: 'DATE_OUT_OF_RANGE',
          message: expect.stringMatching(/^Ngày phải từ 2000-01-01 đến /),
        },
      ]);
    });
  });

  describe('paging', () => {
    beforeAll(async () => {
      // 102 documents delivered and waiting, ten to each arrival minute so pages split ties by id
      const [type] = await server.db.dataSource.query('SELECT code FROM document_type ORDER BY code LIMIT 1');
      await server.db.dataSource.query(
        `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code,
                                     subject, organ_name, source, arrival_at)
         SELECT gen_random_uuid(), $1, 'incoming', 'received', '2026-12-01', $2, 'Công văn số ' || g,
                'UBND tỉnh Đắk Lắk', 'local', timestamptz '2026-12-01 08:00:00.123456+07' + (g / 10) * interval '1 minute'
           FROM generate_series(1, 102) g`,
        [district.id, type.code],
      );
    });

    it('pages the inbox: 102 waiting are all reached once, in arrival order, with the total', async () => {
      const inbox = `/api/v1/agencies/${district.id}/incoming/inbox`;
      const first = await api.get('d.clerk', inbox);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(50);
      expect(first.body.total).toBe(102);
      const seen: { id: string; subject: string }[] = [...first.body.items];
      let cursor: string | null = first.body.nextCursor;
      while (cursor) {
        const page = await api.get('d.clerk', `${inbox}?limit=30&cursor=${encodeURIComponent(cursor)}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      }
      expect(seen).toHaveLength(102);
      expect(new Set(seen.map((e) => e.id)).size).toBe(102);
      const minute = (e: { subject: string }) => Math.floor(Number(e.subject.split(' ').pop()) / 10);
      expect(seen.map(minute)).toEqual([...seen.map(minute)].sort((a, b) => a - b));

      const all = await api.get('d.leader', `${inbox}?limit=200`);
      expect([all.body.items.length, all.body.nextCursor]).toEqual([102, null]);
      const bad = await api.get('d.clerk', `${inbox}?cursor=bm90LWEtY3Vyc29y`);
      expect([bad.status, bad.body.code]).toEqual([400, 'CURSOR_INVALID']);
      const tooMany = await api.get('d.clerk', `${inbox}?limit=201`);
      expect([tooMany.status, tooMany.body.details.issues[0].path]).toEqual([400, 'limit']);
    });

    it('pages lists a use case returns whole the same way (users: limit, cursor, total)', async () => {
      const users = `/api/v1/agencies/${district.id}/users`;
      const first = await api.get('d.clerk', `${users}?limit=1`);
      expect(first.body).toMatchObject({ total: 2, items: [expect.any(Object)] });
      const second = await api.get('d.clerk', `${users}?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      expect([first.body.items[0].username, second.body.items[0].username].sort()).toEqual([
        'd.clerk',
        'd.leader',
      ]);
    });
  });

  describe('agencies by code', () => {
    it('accepts the agency code wherever the id is accepted, and keeps other agencies unseen', async () => {
      const byId = await api.get('d.clerk', `/api/v1/agencies/${district.id}/users`);
      const byCode = await api.get('d.clerk', `/api/v1/agencies/${district.code}/users`);
      expect(byCode.status).toBe(200);
      expect(byCode.body).toEqual(byId.body);
      const created = await api.post('d.clerk', `/api/v1/agencies/${district.code}/case-files`, {
        code: '01.HS',
        title: 'Hồ sơ theo mã cơ quan',
      });
      expect([created.status, created.body.agencyId, created.body.agencyCode]).toEqual([
        201,
        district.id,
        district.code,
      ]);

      const other = await api.get('d.clerk', `/api/v1/agencies/${commune.code}/users`);
      expect([other.status, other.body.code]).toEqual([404, 'AGENCY_NOT_FOUND']);
      const unknown = await api.get('d.clerk', '/api/v1/agencies/000.99.99.H99/users');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'AGENCY_NOT_FOUND']);
    });

    it('names every agency of an answer by code beside its id: lists, users and their roles, entries', async () => {
      const users = (await api.get('d.clerk', `/api/v1/agencies/${district.code}/users`)).body.items;
      expect(users.length).toBeGreaterThan(0);
      for (const user of users) {
        expect([user.agencyId, user.agencyCode]).toEqual([district.id, district.code]);
        for (const grant of user.roles) expect(grant.agencyCode).toBe(district.code);
      }
      const inbox = await api.get('d.clerk', `/api/v1/agencies/${district.id}/incoming/inbox?limit=2`);
      expect(inbox.body.items.map((e: { agencyCode: string }) => e.agencyCode)).toEqual([
        district.code,
        district.code,
      ]);
      const detail = await api.get(
        'd.clerk',
        `/api/v1/agencies/${district.id}/entries/${inbox.body.items[0].id}`,
      );
      expect([detail.body.agencyId, detail.body.agencyCode]).toEqual([district.id, district.code]);
    });

    it('answers /auth/me with ids and codes', async () => {
      const me = await api.get('d.clerk', '/api/v1/auth/me');
      expect(me.body).toEqual({
        userId: expect.any(String),
        username: 'd.clerk',
        fullName: 'Trần Thị Bình',
        agencyId: district.id,
        agencyCode: district.code,
        roles: [{ agencyId: district.id, agencyCode: district.code, role: 'clerk' }],
        agencies: [{ id: district.id, code: district.code, name: "UBND huyện Ea H'Leo", roles: ['clerk'] }],
      });
    });
  });

  describe('defaults a client expects', () => {
    it('files a case file in this year, kept by its creator, when year and keeper are left out', async () => {
      const created = await api.post('d.clerk', `/api/v1/agencies/${district.id}/case-files`, {
        code: '02.HS',
        title: 'Hồ sơ không ghi năm',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ year: new Date().getFullYear(), keeper: 'Trần Thị Bình' });
    });

    it('reports this year when the period is left out', async () => {
      const summary = await api.get('d.leader', `/api/v1/agencies/${district.id}/reports/summary`);
      const year = new Date().getFullYear();
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
      expect(summary.body.byMonth).toHaveLength(12);
    });
  });

  describe('changes carried by the session cookie come from this server’s own pages', () => {
    async function cookieOf(username: string): Promise<string> {
      const res = await request(server.url)
        .post('/api/v1/auth/login')
        .send({ username, password: TEST_PASSWORD });
      return (res.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    }
    const me = (cookie: string) => request(server.url).get('/api/v1/auth/me').set('Cookie', cookie);

    it('refuses a logout from a foreign Origin or without one, and keeps the session', async () => {
      const cookie = await cookieOf('d.clerk');
      const foreign = await request(server.url)
        .post('/api/v1/auth/logout')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example');
      expect([foreign.status, foreign.body.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
      expect(foreign.body.message).toMatch(/trang web khác/);
      const anonymous = await request(server.url).post('/api/v1/auth/logout').set('Cookie', cookie);
      expect([anonymous.status, anonymous.body.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
      const badReferer = await request(server.url)
        .post('/api/v1/auth/logout')
        .set('Cookie', cookie)
        .set('Referer', 'https://evil.example/trang');
      expect(badReferer.status).toBe(403);
      expect((await me(cookie)).status).toBe(200);

      const own = await request(server.url)
        .post('/api/v1/auth/logout')
        .set('Cookie', cookie)
        .set('Origin', server.url);
      expect(own.status).toBe(204);
      expect((await me(cookie)).status).toBe(401);
    });

    it('accepts the same origin given by Referer, reads from anywhere, and leaves bearer tokens alone', async () => {
      const cookie = await cookieOf('d.clerk');
      const fromReferer = await request(server.url)
        .post(`/api/v1/agencies/${district.id}/case-files`)
        .set('Cookie', cookie)
        .set('Referer', `${server.url}/ho-so`)
        .send({ code: '03.HS', title: 'Hồ sơ từ trang của hệ thống' });
      expect(fromReferer.status).toBe(201);
      const read = await me(cookie).set('Origin', 'https://evil.example');
      expect(read.status).toBe(200);

      const bearer = await request(server.url)
        .post(`/api/v1/agencies/${district.id}/case-files`)
        .set('Authorization', await api.bearer('d.clerk'))
        .set('Origin', 'https://evil.example')
        .send({ code: '04.HS', title: 'Hồ sơ qua API' });
      expect(bearer.status).toBe(201);
    });

    it('refuses a login posted from a foreign page, and writes nothing for a refused change', async () => {
      const before = (await server.db.dataSource.query('SELECT count(*)::int AS n FROM case_file'))[0].n;
      const forged = await request(server.url)
        .post(`/api/v1/agencies/${district.id}/case-files`)
        .set('Cookie', await cookieOf('d.clerk'))
        .set('Origin', 'null')
        .send({ code: '05.HS', title: 'Hồ sơ giả mạo' });
      expect(forged.status).toBe(403);
      expect((await server.db.dataSource.query('SELECT count(*)::int AS n FROM case_file'))[0].n).toBe(
        before,
      );

      const login = await request(server.url)
        .post('/api/v1/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ username: 'd.clerk', password: TEST_PASSWORD });
      expect([login.status, login.body.code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
      expect(login.headers['set-cookie']).toBeUndefined();
    });
  });
});
