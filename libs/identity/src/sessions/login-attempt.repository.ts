import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import {
  type AttemptCounter,
  decideLoginAttempt,
  type LoginGuardDecision,
  type LoginGuardSettings,
} from './login-guard.policy';

/** The source of the account-wide counter in login_attempt. */
const ACCOUNT = '*';

interface CounterRow {
  source: string;
  attempts: number;
  window_started_at: Date;
  last_attempt_at: Date;
  next_allowed_at: Date | null;
}

/** Login attempt counters (login_attempt): per username and source address, and per username. */
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly db: Database) {}

  /**
   * Decides and records one attempt in a short transaction of its own that holds both rows locked
   * (so concurrent attempts on the username queue here, not behind the password hash), and
   * commits before the caller checks the password: the attempt is counted whatever happens next.
   */
  async reserve(
    username: string,
    source: string,
    now: Date,
    settings: LoginGuardSettings,
  ): Promise<LoginGuardDecision> {
    return this.db.transaction(async () => {
      const q = this.db.manager;
      await q.query(
        `INSERT INTO login_attempt (username, source, attempts, window_started_at, last_attempt_at)
         VALUES ($1, $2, 0, $4, $4), ($1, $3, 0, $4, $4)
         ON CONFLICT (username, source) DO NOTHING`,
        [username, source, ACCOUNT, now],
      );
      // one order for every transaction, so two attempts never wait for each other's second row
      const rows: CounterRow[] = await q.query(
        `SELECT source, attempts, window_started_at, last_attempt_at, next_allowed_at
           FROM login_attempt WHERE username = $1 AND source IN ($2, $3)
          ORDER BY source FOR UPDATE`,
        [username, source, ACCOUNT],
      );
      const counter = (s: string) => toCounter(rows.find((r) => r.source === s));
      const decision = decideLoginAttempt(counter(source), counter(ACCOUNT), now, settings);
      await q.query(
        `UPDATE login_attempt AS a SET attempts = v.attempts, window_started_at = v.window_started_at,
                last_attempt_at = v.last_attempt_at, next_allowed_at = v.next_allowed_at
           FROM (VALUES ($2::varchar, $3::int, $4::timestamptz, $5::timestamptz, $6::timestamptz),
                        ($7::varchar, $8::int, $9::timestamptz, $10::timestamptz, $11::timestamptz))
                AS v (source, attempts, window_started_at, last_attempt_at, next_allowed_at)
          WHERE a.username = $1 AND a.source = v.source`,
        [username, ...values(source, decision.source), ...values(ACCOUNT, decision.account)],
      );
      return decision;
    });
  }

  /** A login succeeded: its source starts afresh, and the attempt no longer counts for the username. */
  async succeeded(username: string, source: string): Promise<void> {
    await this.db.manager.query(
      `WITH cleared AS (DELETE FROM login_attempt WHERE username = $1 AND source = $2)
       UPDATE login_attempt SET attempts = greatest(attempts - 1, 0) WHERE username = $1 AND source = $3`,
      [username, source, ACCOUNT],
    );
  }

  /** An administrator lifts every lock and slowdown of the username. */
  async clear(username: string): Promise<void> {
    await this.db.manager.query('DELETE FROM login_attempt WHERE username = $1', [username]);
  }
}

function toCounter(row: CounterRow | undefined): AttemptCounter | null {
  if (!row || row.attempts === 0) return null;
  return {
    attempts: row.attempts,
    windowStartedAt: row.window_started_at,
    lastAttemptAt: row.last_attempt_at,
    nextAllowedAt: row.next_allowed_at,
  };
}

function values(source: string, c: AttemptCounter): unknown[] {
  return [source, c.attempts, c.windowStartedAt, c.lastAttemptAt, c.nextAllowedAt];
}
