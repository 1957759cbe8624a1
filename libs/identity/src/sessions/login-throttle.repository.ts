import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: Database) {}

  async get(username: string): Promise<ThrottleState> {
    const rows: { failures: number; locked_until: Date | null }[] = await this.db.manager.query(
      'SELECT failures, locked_until FROM login_throttle WHERE username = $1',
      [username],
    );
    return { failures: rows[0]?.failures ?? 0, lockedUntil: rows[0]?.locked_until ?? null };
  }

  /** Counts one failure atomically and locks when the threshold is reached; returns the new state. */
  async recordFailure(
    username: string,
    threshold: number,
    now: Date,
    lockUntil: Date,
  ): Promise<ThrottleState> {
    const rows: { failures: number; locked_until: Date | null }[] = await this.db.manager.query(
      `INSERT INTO login_throttle AS t (username, failures, locked_until, updated_at)
       VALUES ($1, 1, CASE WHEN 1 >= $2 THEN $4::timestamptz END, now())
       ON CONFLICT (username) DO UPDATE SET
         -- a lock that has run out starts a fresh count
         failures = CASE WHEN t.locked_until <= $3 THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE WHEN (CASE WHEN t.locked_until <= $3 THEN 1 ELSE t.failures + 1 END) >= $2
                             THEN $4::timestamptz END,
         updated_at = now()
       RETURNING failures, locked_until`,
      [username, threshold, now, lockUntil],
    );
    return { failures: rows[0].failures, lockedUntil: rows[0].locked_until };
  }

  async reset(username: string): Promise<void> {
    await this.db.manager.query('DELETE FROM login_throttle WHERE username = $1', [username]);
  }
}
