import { randomUUID } from 'node:crypto';
import { createTestDatabase, insertAgency, type TestDatabase } from '@vanthu/test-kit';
import { type Reservation, type UnlockTry, UnlockThrottleRepository } from './unlock-throttle.repository';

describe('UnlockThrottleRepository (real PostgreSQL)', () => {
  let db: TestDatabase;
  let throttle: UnlockThrottleRepository;
  const limits = { threshold: 5, lockoutMs: 15 * 60_000 };
  const t0 = new Date('2026-03-02T08:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  let agencyId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    throttle = new UnlockThrottleRepository(db.database);
    agencyId = (await insertAgency(db.dataSource, { code: '000.00.12.H15', name: 'UBND thử nghiệm' })).id;
  });
  afterAll(() => db.close());

  /** A certificate row for the throttle's foreign key (its bytes mean nothing here). */
  async function certificate(): Promise<string> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO certificate (id, agency_id, kind, subject, issuer, serial_number, not_before, not_after,
                                sha256_fingerprint, certificate_der, sealed_key)
       VALUES ($1, $2, 'organisation', 'CN=x', 'CN=ca', '01', now(), now(), $3, '\\x00', '\\x00')`,
      [id, agencyId, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    return id;
  }

  const granted = (r: Reservation): UnlockTry => {
    if (!('granted' in r)) throw new Error(`refused until ${r.lockedUntil.toISOString()}`);
    return r.granted;
  };

  it('grants exactly 5 of 40 simultaneous reservations and locks from the fifth', async () => {
    const id = await certificate();
    const answers = await Promise.all(Array.from({ length: 40 }, () => throttle.reserve(id, t0, limits)));
    const tries = answers.filter((a) => 'granted' in a).map(granted);
    expect(tries.map((t) => t.attempt).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(answers.filter((a) => 'lockedUntil' in a)).toHaveLength(35);
    for (const a of answers) if ('lockedUntil' in a) expect(a.lockedUntil).toEqual(at(15));
    // all five wrong: the lock stands until it runs out
    for (const t of tries) expect((await throttle.fail(t, t0)).lockedUntil).toEqual(at(15));
    expect('lockedUntil' in (await throttle.reserve(id, at(14), limits))).toBe(true);
    // the lock runs out: a fresh period
    expect(granted(await throttle.reserve(id, at(15), limits))).toMatchObject({ attempt: 1, alone: true });
  });

  it('takes a right passphrase tried among others off the count: four wrong ones stand, no lock', async () => {
    const id = await certificate();
    const answers = await Promise.all(Array.from({ length: 40 }, () => throttle.reserve(id, t0, limits)));
    const [right, ...wrong] = answers.filter((a) => 'granted' in a).map(granted);
    await throttle.succeed(right, t0, limits);
    for (const t of wrong) expect((await throttle.fail(t, t0)).lockedUntil).toBeNull();
    // the fifth wrong passphrase of the period locks
    const fifth = granted(await throttle.reserve(id, at(1), limits));
    expect(fifth.attempt).toBe(5);
    expect((await throttle.fail(fifth, at(1))).lockedUntil).toEqual(at(16));
  });

  it('never locks an owner who signs five documents at once, again and again, with the right passphrase', async () => {
    const id = await certificate();
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(Array.from({ length: 5 }, () => throttle.reserve(id, t0, limits)));
      const tries = answers.map(granted);
      await Promise.all(tries.map((t) => throttle.succeed(t, t0, limits)));
    }
    // five at once reach the threshold at reservation; their successes lift it again
    expect(granted(await throttle.reserve(id, t0, limits)).attempt).toBe(1);
  });

  it('starts a fresh count after a right passphrase tried alone, as a person mistyping would', async () => {
    const id = await certificate();
    for (let i = 0; i < 4; i++) await throttle.fail(granted(await throttle.reserve(id, t0, limits)), t0);
    const fifth = granted(await throttle.reserve(id, t0, limits));
    expect(fifth).toMatchObject({ attempt: 5, alone: true });
    await throttle.succeed(fifth, t0, limits);
    expect(granted(await throttle.reserve(id, t0, limits)).attempt).toBe(1);
  });

  it('keeps the wrong try counted when it was reserved while the right one was being tried', async () => {
    const id = await certificate();
    const right = granted(await throttle.reserve(id, t0, limits));
    const wrong = granted(await throttle.reserve(id, t0, limits));
    expect([right.alone, wrong.alone]).toEqual([true, false]);
    await throttle.succeed(right, t0, limits);
    await throttle.fail(wrong, t0);
    expect(granted(await throttle.reserve(id, t0, limits)).attempt).toBe(2);
  });

  it('forgets a count after a lock period without any try, and keeps it before', async () => {
    const id = await certificate();
    for (let i = 0; i < 3; i++) await throttle.fail(granted(await throttle.reserve(id, t0, limits)), t0);
    const next = granted(await throttle.reserve(id, at(14), limits));
    expect(next.attempt).toBe(4);
    await throttle.fail(next, at(14));
    expect(granted(await throttle.reserve(id, at(29), limits)).attempt).toBe(1);
  });
});
