import request from 'supertest';
import { insertAgency, insertUnit, insertUser, TEST_PASSWORD, type AgencyRow } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

describe('identity over HTTP', () => {
  let server: TestServer;
  let communeA: AgencyRow;
  let communeB: AgencyRow;

  beforeAll(async () => {
    server = await startTestServer({ VANTHU_LOCKOUT_THRESHOLD: '3', VANTHU_JSON_LIMIT_KB: '16' });
    const ds = server.db.dataSource;
    communeA = await insertAgency(ds, { code: '000.01.12.H15', name: 'Ủy ban nhân dân thị trấn Ea Drăng' });
    communeB = await insertAgency(ds, { code: '000.03.12.H15', name: 'Ủy ban nhân dân xã Ea Sol' });
    await insertUser(ds, { agencyId: communeA.id, username: 'a.admin', roles: ['admin'] });
    await insertUser(ds, { agencyId: communeA.id, username: 'a.clerk', roles: ['clerk'] });
    await insertUser(ds, { agencyId: communeB.id, username: 'b.admin', roles: ['admin'] });
  });
  afterAll(() => server.close());

  const http = () => request(server.url);

  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await http().post('/api/v1/auth/login').send({ username, password }).expect(200);
    return res.body.token as string;
  }

  async function auditCount(action: string): Promise<number> {
    const [{ n }] = await server.db.dataSource.query(
      'SELECT count(*)::int AS n FROM audit_event WHERE action = $1',
      [action],
    );
    return n;
  }

  it('logs in with a bearer token and an httpOnly cookie, and logs out', async () => {
    const res = await http()
      .post('/api/v1/auth/login')
      .send({ username: 'A.Admin', password: TEST_PASSWORD })
      .expect(200);
    expect(res.headers['set-cookie'][0]).toMatch(/^vanthu_session=.+HttpOnly/i);
    expect(res.headers['x-request-id']).toBeTruthy();
    const token = res.body.token;
    const me = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ username: 'a.admin', roles: [{ agencyId: communeA.id, role: 'admin' }] });
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);

    const cookie = res.headers['set-cookie'][0].split(';')[0];
    await http().get('/api/v1/auth/me').set('Cookie', cookie).expect(200);

    await http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    const after = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(after.body).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập.' });
    expect(await auditCount('auth.login')).toBeGreaterThanOrEqual(1);
    expect(await auditCount('auth.logout')).toBe(1);
  });

  it('answers a wrong password and an unknown user identically, and blocks the source of both after the threshold', async () => {
    const wrong = await http()
      .post('/api/v1/auth/login')
      .send({ username: 'a.clerk', password: 'sai-mat-khau-1' });
    const unknown = await http()
      .post('/api/v1/auth/login')
      .send({ username: 'khong.ton.tai', password: 'sai-mat-khau-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.message).toBe(wrong.body.message);

    for (let i = 0; i < 2; i++) {
      await http().post('/api/v1/auth/login').send({ username: 'a.clerk', password: 'sai-mat-khau-1' });
      await http().post('/api/v1/auth/login').send({ username: 'khong.ton.tai', password: 'sai-mat-khau-1' });
    }
    // the right password no longer helps from this source
    const locked = await http()
      .post('/api/v1/auth/login')
      .send({ username: 'a.clerk', password: TEST_PASSWORD });
    const lockedUnknown = await http()
      .post('/api/v1/auth/login')
      .send({ username: 'khong.ton.tai', password: 'x' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_LOCKED');
    expect(lockedUnknown.status).toBe(429);
    expect(lockedUnknown.body.message).toBe(locked.body.message);
    expect(await auditCount('auth.login_failed')).toBeGreaterThanOrEqual(6);
    expect(await auditCount('auth.login_source_locked')).toBe(2);

    // the clerk at her own desk (another address, as the loopback proxy reports it) is not locked out
    await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '10.20.30.40')
      .send({ username: 'a.clerk', password: TEST_PASSWORD })
      .expect(200);

    // an admin of the agency lifts the block of the attacked source too
    const admin = await login('a.admin');
    const clerkId = (
      await http()
        .get(`/api/v1/agencies/${communeA.id}/users`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body.items.find((u: { username: string }) => u.username === 'a.clerk').id;
    await http()
      .post(`/api/v1/agencies/${communeA.id}/users/${clerkId}/reset`)
      .set('Authorization', `Bearer ${admin}`)
      .send({})
      .expect(204);
    await login('a.clerk');
  });

  it('counts parallel wrong passwords before checking them: 30 at once from one source get exactly 3 checks', async () => {
    await insertUser(server.db.dataSource, {
      agencyId: communeA.id,
      username: 'a.parallel',
      roles: ['clerk'],
    });
    const before = await auditCount('auth.login_failed');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        http()
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', '10.9.9.9')
          .send({ username: 'a.parallel', password: `sai-mat-khau-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(27);
    expect((await auditCount('auth.login_failed')) - before).toBe(3);
  });

  it('slows down, never locks, a username guessed at from many sources', async () => {
    await insertUser(server.db.dataSource, { agencyId: communeA.id, username: 'a.target', roles: ['clerk'] });
    // threshold 3: the username is slowed after 12 failed checks, from 12 addresses here
    for (let i = 0; i < 12; i++) {
      await http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `10.1.0.${i + 1}`)
        .send({ username: 'a.target', password: 'sai-mat-khau-1' })
        .expect(401);
    }
    const slowed = await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '10.1.1.1')
      .send({ username: 'a.target', password: TEST_PASSWORD });
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({ code: 'AUTH_SLOWED', details: { retryAfterSeconds: 1 } });
    expect(await auditCount('auth.login_account_slowed')).toBe(1);
    // after the pause, the right password works from any address
    await new Promise((r) => setTimeout(r, 1100));
    await http()
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '10.1.1.1')
      .send({ username: 'a.target', password: TEST_PASSWORD })
      .expect(200);
  });

  it('changes a password and closes the other sessions', async () => {
    const ds = server.db.dataSource;
    await insertUser(ds, { agencyId: communeA.id, username: 'a.spec', roles: ['specialist'] });
    const first = await login('a.spec');
    const second = await login('a.spec');
    const weak = await http()
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'ngan' })
      .expect(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    const badCurrent = await http()
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: 'khong-dung-1', newPassword: 'Mat-khau-moi-2026' })
      .expect(400);
    expect(badCurrent.body.code).toBe('PASSWORD_CURRENT_WRONG');
    await http()
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' })
      .expect(204);
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${first}`).expect(200);
    await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${second}`).expect(401);
    await http().post('/api/v1/auth/login').send({ username: 'a.spec', password: TEST_PASSWORD }).expect(401);
    await login('a.spec', 'Mat-khau-moi-2026');
    expect(await auditCount('user.password_changed')).toBe(1);
  });

  describe('isolation between agencies (404 for every resource type of another agency)', () => {
    let aAdmin: string;
    let bUserId: string;
    let bUnitId: string;

    beforeAll(async () => {
      aAdmin = await login('a.admin');
      const bAdmin = await login('b.admin');
      bUnitId = (
        await insertUnit(server.db.dataSource, {
          agencyId: communeB.id,
          code: 'VP',
          name: 'Văn phòng',
          abbreviation: 'VP',
        })
      ).id;
      bUserId = (
        await http()
          .get(`/api/v1/agencies/${communeB.id}/users`)
          .set('Authorization', `Bearer ${bAdmin}`)
          .expect(200)
      ).body.items[0].id;
    });

    const cases: [string, 'get' | 'post' | 'patch' | 'put', () => string, object | null][] = [
      ['list users', 'get', () => `/api/v1/agencies/${communeB.id}/users`, null],
      ['get a user', 'get', () => `/api/v1/agencies/${communeB.id}/users/${bUserId}`, null],
      [
        'create a user',
        'post',
        () => `/api/v1/agencies/${communeB.id}/users`,
        { username: 'xam.nhap', fullName: 'X', roles: [], password: 'Matkhau-12345' },
      ],
      [
        'update a user',
        'patch',
        () => `/api/v1/agencies/${communeB.id}/users/${bUserId}`,
        { version: 1, fullName: 'X' },
      ],
      [
        'set roles',
        'put',
        () => `/api/v1/agencies/${communeB.id}/users/${bUserId}/roles`,
        { roles: ['admin'] },
      ],
      ['reset a password', 'post', () => `/api/v1/agencies/${communeB.id}/users/${bUserId}/reset`, {}],
      ['list units', 'get', () => `/api/v1/agencies/${communeB.id}/units`, null],
      [
        'create a unit',
        'post',
        () => `/api/v1/agencies/${communeB.id}/units`,
        { code: 'X', name: 'X', abbreviation: 'X' },
      ],
      [
        'update a unit',
        'patch',
        () => `/api/v1/agencies/${communeB.id}/units/${bUnitId}`,
        { version: 1, name: 'X' },
      ],
      ['read the audit log', 'get', () => `/api/v1/agencies/${communeB.id}/audit-events`, null],
      [
        "reach B's user through A's path",
        'get',
        () => `/api/v1/agencies/${communeA.id}/users/${bUserId}`,
        null,
      ],
      [
        "change B's user through A's path",
        'patch',
        () => `/api/v1/agencies/${communeA.id}/users/${bUserId}`,
        { version: 1, fullName: 'X' },
      ],
      [
        "change B's unit through A's path",
        'patch',
        () => `/api/v1/agencies/${communeA.id}/units/${bUnitId}`,
        { version: 1, name: 'X' },
      ],
    ];

    it.each(cases)('%s', async (_name, method, path, body) => {
      const req = http()[method](path()).set('Authorization', `Bearer ${aAdmin}`);
      const res = body ? await req.send(body) : await req;
      expect(res.status).toBe(404);
      expect(['AGENCY_NOT_FOUND', 'USER_NOT_FOUND', 'UNIT_NOT_FOUND']).toContain(res.body.code);
    });

    it('changed nothing in agency B', async () => {
      const [{ n }] = await server.db.dataSource.query(
        `SELECT count(*)::int AS n FROM app_user WHERE agency_id = $1`,
        [communeB.id],
      );
      expect(n).toBe(1);
      const [unit] = await server.db.dataSource.query('SELECT name, version FROM unit WHERE id = $1', [
        bUnitId,
      ]);
      expect(unit).toEqual({ name: 'Văn phòng', version: 1 });
    });
  });

  it('enforces roles inside the agency with 403', async () => {
    const clerk = await login('a.clerk');
    const res = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ username: 'moi.nguoi', fullName: 'Người Mới', roles: ['admin'], password: 'Matkhau-12345' })
      .expect(403);
    expect(res.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Bạn không có quyền thực hiện thao tác này.',
    });
    await http()
      .get(`/api/v1/agencies/${communeA.id}/audit-events`)
      .set('Authorization', `Bearer ${clerk}`)
      .expect(403);
  });

  it('creates a user and changes roles, auditing both, and refuses a duplicate username', async () => {
    const admin = await login('a.admin');
    const created = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${admin}`)
      .send({
        username: 'a.leader',
        fullName: 'Y Khu Niê',
        position: 'Chủ tịch',
        roles: ['leader'],
        password: 'Matkhau-12345',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      username: 'a.leader',
      mustChangePassword: true,
      roles: [{ role: 'leader' }],
    });
    expect(created.body.passwordHash).toBeUndefined();

    const dup = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'A.LEADER', fullName: 'Khác', roles: [], password: 'Matkhau-12345' })
      .expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');

    await http()
      .put(`/api/v1/agencies/${communeA.id}/users/${created.body.id}/roles`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ roles: ['leader', 'clerk'] })
      .expect(200);
    const events = await http()
      .get(`/api/v1/agencies/${communeA.id}/audit-events`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const actions = events.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.roles_changed', 'auth.login']));
  });

  it('refuses to remove the last admin', async () => {
    const admin = await login('b.admin');
    const me = await http().get('/api/v1/auth/me').set('Authorization', `Bearer ${admin}`).expect(200);
    const res = await http()
      .put(`/api/v1/agencies/${communeB.id}/users/${me.body.userId}/roles`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ roles: ['clerk'] })
      .expect(409);
    expect(res.body.code).toBe('LAST_ADMIN');
  });

  it('gives stable codes for bad input and writes nothing', async () => {
    const admin = await login('a.admin');
    const before = (await server.db.dataSource.query('SELECT count(*)::int AS n FROM app_user'))[0].n;
    const invalidJson = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'application/json')
      .send('{"username": "x",')
      .expect(400);
    expect(invalidJson.body.code).toBe('INVALID_JSON');
    const missing = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'thieu.truong' })
      .expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['fullName', 'password']),
    );
    const huge = await http()
      .post(`/api/v1/agencies/${communeA.id}/users`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'to.qua', fullName: 'x'.repeat(40_000), roles: [], password: 'Matkhau-12345' })
      .expect(413);
    expect(huge.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/kích thước/),
    });
    const notUuid = await http()
      .get(`/api/v1/agencies/not-a-uuid/users`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    expect(notUuid.body.code).toBe('AGENCY_NOT_FOUND');
    const after = (await server.db.dataSource.query('SELECT count(*)::int AS n FROM app_user'))[0].n;
    expect(after).toBe(before);
  });
});
