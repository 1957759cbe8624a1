/** One counter of login attempts: for a username from one source address, or for the username. */
export interface AttemptCounter {
  attempts: number;
  windowStartedAt: Date;
  lastAttemptAt: Date;
  /** Account counters only: no password is checked before this time. */
  nextAllowedAt: Date | null;
}

export interface LoginGuardSettings {
  /** Password checks allowed per username and source address per window. */
  sourceLimit: number;
  /** Failed checks per username (all sources) after which its checks are spaced out. */
  accountLimit: number;
  windowMs: number;
  /** Longest wait between two checks of a slowed-down username. */
  maxDelayMs: number;
}

export type LoginGuardDecision =
  | { allowed: true; source: AttemptCounter; account: AttemptCounter }
  | {
      allowed: false;
      reason: 'source-locked' | 'account-slowed';
      retryAfterMs: number;
      /** The counters to store (a refusal by source counts once, so the lock is seen once). */
      source: AttemptCounter;
      account: AttemptCounter;
      /** The first refusal of this lock: worth an audit event (later ones are not). */
      firstRefusal: boolean;
    };

/**
 * Whether a login attempt may check its password, decided before the check and stored before it
 * starts, so parallel attempts cannot all pass the limit while the first ones are still hashing.
 *
 * - Per username and source address: `sourceLimit` checks per window (fixed, from the first
 *   attempt); then that source is refused for the rest of the window. An attacker locks out only
 *   the addresses he sends from, never the clerk at her own desk.
 * - Per username, from every source: after `accountLimit` checks that did not end in a login, each
 *   further check waits 1, 2, 4 … seconds (up to `maxDelayMs`) after the previous one; attempts in
 *   between are refused without a check. A distributed guesser gets at most one guess per delay, and
 *   the clerk is slowed down, not locked out. The counter lasts while attempts keep coming (a window
 *   after the last one).
 */
export function decideLoginAttempt(
  storedSource: AttemptCounter | null,
  storedAccount: AttemptCounter | null,
  now: Date,
  settings: LoginGuardSettings,
): LoginGuardDecision {
  const t = now.getTime();
  const source =
    storedSource && storedSource.windowStartedAt.getTime() > t - settings.windowMs
      ? storedSource
      : fresh(now);
  const account =
    storedAccount && storedAccount.lastAttemptAt.getTime() > t - settings.windowMs
      ? storedAccount
      : fresh(now);

  if (source.attempts >= settings.sourceLimit) {
    return {
      allowed: false,
      reason: 'source-locked',
      retryAfterMs: source.windowStartedAt.getTime() + settings.windowMs - t,
      source: { ...source, attempts: settings.sourceLimit + 1, lastAttemptAt: now },
      account,
      firstRefusal: source.attempts === settings.sourceLimit,
    };
  }
  if (account.nextAllowedAt && account.nextAllowedAt.getTime() > t) {
    return {
      allowed: false,
      reason: 'account-slowed',
      retryAfterMs: account.nextAllowedAt.getTime() - t,
      source,
      account,
      firstRefusal: false,
    };
  }
  const accountAttempts = account.attempts + 1;
  const over = accountAttempts - settings.accountLimit;
  return {
    allowed: true,
    source: { ...source, attempts: source.attempts + 1, lastAttemptAt: now },
    account: {
      ...account,
      attempts: accountAttempts,
      lastAttemptAt: now,
      nextAllowedAt:
        over >= 0 ? new Date(t + Math.min(1000 * 2 ** Math.min(over, 30), settings.maxDelayMs)) : null,
    },
  };
}

function fresh(now: Date): AttemptCounter {
  return { attempts: 0, windowStartedAt: now, lastAttemptAt: now, nextAllowedAt: null };
}
