import { type AttemptCounter, decideLoginAttempt, type LoginGuardSettings } from './login-guard.policy';

const settings: LoginGuardSettings = {
  sourceLimit: 3,
  accountLimit: 6,
  windowMs: 15 * 60_000,
  maxDelayMs: 60_000,
};
const t0 = new Date('2026-12-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** Runs attempts one after another, storing what each decision says, as the repository does. */
function run(times: Date[], sources: string[]) {
  const counters = new Map<string, AttemptCounter | null>();
  return times.map((now, i) => {
    const d = decideLoginAttempt(counters.get(sources[i]) ?? null, counters.get('*') ?? null, now, settings);
    counters.set(sources[i], d.source);
    counters.set('*', d.account);
    return d;
  });
}

describe('decideLoginAttempt', () => {
  it('allows sourceLimit checks from one source, then refuses that source for the rest of the window', () => {
    const d = run(
      [0, 1, 2, 3, 4].map((s) => at(s * 1000)),
      ['a', 'a', 'a', 'a', 'a'],
    );
    expect(d.map((x) => x.allowed)).toEqual([true, true, true, false, false]);
    expect(d[3]).toMatchObject({
      reason: 'source-locked',
      firstRefusal: true,
      retryAfterMs: 15 * 60_000 - 3000,
    });
    expect(d[4]).toMatchObject({ firstRefusal: false });
  });

  it('lets another source of the same username in while one source is locked', () => {
    const d = run(
      [0, 1, 2, 3, 4].map((s) => at(s * 1000)),
      ['a', 'a', 'a', 'a', 'b'],
    );
    expect(d[3].allowed).toBe(false);
    expect(d[4].allowed).toBe(true);
  });

  it('a source starts afresh once its window has passed', () => {
    const d = run([at(0), at(1), at(2), at(3), at(15 * 60_000 + 1)], ['a', 'a', 'a', 'a', 'a']);
    expect(d.map((x) => x.allowed)).toEqual([true, true, true, false, true]);
  });

  it('slows the username down after accountLimit checks from many sources: 1 s, then 2 s, … never locked', () => {
    const sources = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'];
    const d = run([at(0), at(1), at(2), at(3), at(4), at(5), at(500), at(1005), at(1006)], sources);
    expect(d.slice(0, 6).every((x) => x.allowed)).toBe(true);
    // the 6th check set the pause: 1 s after it
    expect(d[5].account.nextAllowedAt).toEqual(at(1005));
    expect(d[6]).toMatchObject({ allowed: false, reason: 'account-slowed', retryAfterMs: 505 });
    expect(d[7].allowed).toBe(true);
    expect(d[7].account.nextAllowedAt).toEqual(at(1005 + 2000));
    expect(d[8]).toMatchObject({ allowed: false, reason: 'account-slowed' });
  });

  it('caps the pause at maxDelayMs', () => {
    const counter: AttemptCounter = {
      attempts: 40,
      windowStartedAt: t0,
      lastAttemptAt: t0,
      nextAllowedAt: t0,
    };
    const d = decideLoginAttempt(null, counter, at(1), settings);
    expect(d.allowed).toBe(true);
    expect(d.account.nextAllowedAt).toEqual(at(1 + 60_000));
  });

  it('forgets the username counter a window after its last attempt, not after its first', () => {
    const counter: AttemptCounter = {
      attempts: 10,
      windowStartedAt: t0,
      lastAttemptAt: at(14 * 60_000),
      nextAllowedAt: at(14 * 60_000 + 30_000),
    };
    expect(decideLoginAttempt(null, counter, at(14 * 60_000 + 10_000), settings).allowed).toBe(false);
    const later = decideLoginAttempt(null, counter, at(29 * 60_000 + 1), settings);
    expect(later).toMatchObject({ allowed: true, account: { attempts: 1, nextAllowedAt: null } });
  });
});
