import { Clock } from '@vanthu/shared';
import { createTestDatabase, insertAgency, insertUser, type TestDatabase } from '@vanthu/test-kit';
import { SessionRepository } from '../sessions/session.repository';
import { hashSessionToken } from '../sessions/session-token';
import { UserRepository } from '../users/user.repository';
import { AuthenticateSessionUseCase } from './authenticate-session.use-case';

const NOW = new Date('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;

class FixedClock extends Clock {
  now(): Date {
    return NOW;
  }
}

describe('AuthenticateSessionUseCase (real PostgreSQL, one query)', () => {
  let db: TestDatabase;
  let authenticate: AuthenticateSessionUseCase;
  let users: UserRepository;
  let homeId: string;
  let otherId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    authenticate = new AuthenticateSessionUseCase(new SessionRepository(db.database), new FixedClock());
    users = new UserRepository(db.database);
    homeId = (await insertAgency(db.dataSource, { code: '000.01.12.H15', name: 'Ủy ban nhân dân xã Ea Sol' }))
      .id;
    otherId = (await insertAgency(db.dataSource, { code: '000.02.12.H15', name: 'Ủy ban nhân dân xã Ea Wy' }))
      .id;
  });
  afterAll(() => db.close());

  let tokens = 0;
  /** A session row for the user; returns its bearer token and id. */
  async function session(
    userId: string,
    s: { expiresAt?: Date; revokedAt?: Date | null } = {},
  ): Promise<{ token: string; id: string }> {
    const token = `token-${++tokens}-${userId}`;
    const rows: { id: string }[] = await db.dataSource.query(
      `INSERT INTO user_session (token_hash, user_id, expires_at, revoked_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [hashSessionToken(token), userId, s.expiresAt ?? new Date(NOW.getTime() + HOUR), s.revokedAt ?? null],
    );
    return { token, id: rows[0].id };
  }

  async function refusal(token: string | undefined): Promise<unknown> {
    return authenticate.execute(token).then(
      () => 'accepted',
      (e: unknown) => e,
    );
  }
  const REFUSED = { code: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập.', status: 401 };

  it('gives the principal with every role grant of the user, as rolesOf reads them', async () => {
    const user = await insertUser(db.dataSource, {
      agencyId: homeId,
      username: 'nguyen.van.an',
      fullName: 'Nguyễn Văn An',
      roles: ['leader', 'clerk'],
    });
    // a grant in another agency belongs to the principal too (authorizeAgency checks per agency)
    await db.dataSource.query('INSERT INTO user_role (user_id, agency_id, role) VALUES ($1, $2, $3)', [
      user.id,
      otherId,
      'specialist',
    ]);
    const s = await session(user.id);

    const principal = await authenticate.execute(s.token);

    expect(principal).toEqual({
      userId: user.id,
      username: 'nguyen.van.an',
      fullName: 'Nguyễn Văn An',
      agencyId: homeId,
      roles: expect.any(Array),
      sessionId: s.id,
    });
    const key = (g: { agencyId: string; role: string }) => `${g.agencyId}/${g.role}`;
    expect(principal.roles.map(key).sort()).toEqual(
      [`${homeId}/clerk`, `${homeId}/leader`, `${otherId}/specialist`].sort(),
    );
    expect(principal.roles.map(key).sort()).toEqual((await users.rolesOf(user.id)).map(key).sort());
  });

  it('gives an empty role list to a user without roles', async () => {
    const user = await insertUser(db.dataSource, { agencyId: homeId, username: 'khong.vai.tro', roles: [] });
    const principal = await authenticate.execute((await session(user.id)).token);
    expect(principal.roles).toEqual([]);
  });

  it('refuses a revoked session, an expired one and an inactive user with AUTH_REQUIRED', async () => {
    const user = await insertUser(db.dataSource, {
      agencyId: homeId,
      username: 'tran.thi.binh',
      roles: ['clerk'],
    });
    const revoked = await session(user.id, { revokedAt: new Date(NOW.getTime() - 1000) });
    const expired = await session(user.id, { expiresAt: new Date(NOW.getTime() - 1000) });
    const expiringNow = await session(user.id, { expiresAt: NOW });
    const live = await session(user.id);

    expect(await refusal(revoked.token)).toMatchObject(REFUSED);
    expect(await refusal(expired.token)).toMatchObject(REFUSED);
    expect(await refusal(expiringNow.token)).toMatchObject(REFUSED);
    // the same user's live session still works, so the refusals above are the session's state
    expect((await authenticate.execute(live.token)).sessionId).toBe(live.id);

    await db.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
    expect(await refusal(live.token)).toMatchObject(REFUSED);
  });

  it('refuses a missing, unknown or oversized token', async () => {
    expect(await refusal(undefined)).toMatchObject(REFUSED);
    expect(await refusal('')).toMatchObject(REFUSED);
    expect(await refusal('no-such-token')).toMatchObject(REFUSED);
    expect(await refusal('x'.repeat(201))).toMatchObject(REFUSED);
  });
});
