import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { newId } from '@vanthu/shared';

export interface UnlockLimits {
  /** passphrases tried per lock period */
  threshold: number;
  lockoutMs: number;
}

/** A passphrase try reserved for one unlock: settle it with exactly one of fail/succeed/release. */
export interface UnlockTry {
  readonly certificateId: string;
  readonly periodId: string;
  /** 1-based position of this try in its period */
  readonly attempt: number;
  /** no other try of the certificate was in flight when this one was reserved */
  readonly alone: boolean;
}

export type Reservation = { granted: UnlockTry } | { lockedUntil: Date };

interface ReservedRow {
  period_id: string;
  tries: number;
  pending: number;
}

/**
 * The passphrase throttle of each certificate (table certificate_unlock_throttle). A try is
 * reserved in ONE statement before the passphrase is tried, so however many requests arrive at
 * once, at most `threshold` passphrases are tried per period: the statement counts the try and
 * refuses it once the count is reached, under the row lock PostgreSQL takes for the upsert. The
 * try that reaches the threshold starts the lock; a lock that has run out, or a period with no try
 * for a lock's length, starts a fresh period.
 *
 * A right passphrase ends the period (the count starts again) only when it was tried alone: no
 * other try in flight when it was reserved, none reserved after it. Otherwise someone may be trying
 * passphrases in parallel with the owner: the wrong tries already counted stand, and only the right
 * one is taken off the count (with the lock it started, if the wrong ones alone do not reach the
 * threshold). So at most `threshold` WRONG passphrases are tried per period, and an owner who signs
 * several documents at once with the right passphrase is never locked out by it.
 */
@Injectable()
export class UnlockThrottleRepository {
  constructor(private readonly db: Database) {}

  async reserve(certificateId: string, now: Date, limits: UnlockLimits): Promise<Reservation> {
    const lockUntil = new Date(now.getTime() + limits.lockoutMs);
    const staleBefore = new Date(now.getTime() - limits.lockoutMs);
    const rows: ReservedRow[] = await this.db.manager.query(
      `INSERT INTO certificate_unlock_throttle AS t
              (certificate_id, period_id, tries, pending, locked_until, updated_at)
       VALUES ($1, $2, 1, 1, CASE WHEN 1 >= $4 THEN $5::timestamptz END, $3)
       ON CONFLICT (certificate_id) DO UPDATE SET
         period_id = CASE WHEN ${FRESH} THEN $2 ELSE t.period_id END,
         tries = CASE WHEN ${FRESH} THEN 1 ELSE t.tries + 1 END,
         pending = CASE WHEN ${FRESH} THEN 1 ELSE t.pending + 1 END,
         locked_until = CASE WHEN (CASE WHEN ${FRESH} THEN 1 ELSE t.tries + 1 END) >= $4
                             THEN $5::timestamptz END,
         updated_at = $3
       WHERE ${FRESH} OR (t.locked_until IS NULL AND t.tries < $4)
       RETURNING period_id, tries, pending`,
      [certificateId, newId(), now, limits.threshold, lockUntil, staleBefore],
    );
    if (rows.length === 1) {
      const { period_id, tries, pending } = rows[0];
      return { granted: { certificateId, periodId: period_id, attempt: tries, alone: pending === 1 } };
    }
    const held: { locked_until: Date | null }[] = await this.db.manager.query(
      'SELECT locked_until FROM certificate_unlock_throttle WHERE certificate_id = $1',
      [certificateId],
    );
    // no lock time (a threshold lowered under a full count): the period runs out a lock's length on
    return { lockedUntil: held[0]?.locked_until ?? lockUntil };
  }

  /** A wrong passphrase: the try stays counted; the lock its period is under, if any. */
  async fail(t: UnlockTry, now: Date): Promise<{ lockedUntil: Date | null }> {
    // an UPDATE answers [rows, count] through TypeORM
    const [rows]: [{ locked_until: Date | null }[], number] = await this.db.manager.query(
      `UPDATE certificate_unlock_throttle SET pending = GREATEST(pending - 1, 0), updated_at = $3
        WHERE certificate_id = $1 AND period_id = $2
        RETURNING locked_until`,
      [t.certificateId, t.periodId, now],
    );
    return { lockedUntil: rows[0]?.locked_until ?? null };
  }

  /**
   * The right passphrase: a fresh count when it was tried alone; otherwise this try leaves the count
   * (the wrong ones stay), and a lock that only this try's reservation reached is lifted.
   */
  async succeed(t: UnlockTry, now: Date, limits: UnlockLimits): Promise<void> {
    if (t.alone) {
      const [, deleted] = (await this.db.manager.query(
        `DELETE FROM certificate_unlock_throttle
          WHERE certificate_id = $1 AND period_id = $2 AND tries = $3 AND pending = 1`,
        [t.certificateId, t.periodId, t.attempt],
      )) as [unknown, number];
      if (deleted === 1) return;
    }
    // SET expressions read the row as it was: tries - 1 is the count without this try
    await this.db.manager.query(
      `UPDATE certificate_unlock_throttle
          SET tries = GREATEST(tries - 1, 0), pending = GREATEST(pending - 1, 0),
              locked_until = CASE WHEN tries - 1 < $4 THEN NULL ELSE locked_until END,
              updated_at = $3
        WHERE certificate_id = $1 AND period_id = $2`,
      [t.certificateId, t.periodId, now, limits.threshold],
    );
  }

  /** Neither right nor wrong (the key did not open for another reason): the try stays counted. */
  async release(t: UnlockTry, now: Date): Promise<void> {
    await this.db.manager.query(
      `UPDATE certificate_unlock_throttle SET pending = GREATEST(pending - 1, 0), updated_at = $3
        WHERE certificate_id = $1 AND period_id = $2`,
      [t.certificateId, t.periodId, now],
    );
  }
}

/** whether the stored row's period is over: its lock has run out, or nothing happened for a lock's length */
const FRESH =
  '((t.locked_until IS NOT NULL AND t.locked_until <= $3) OR (t.locked_until IS NULL AND t.updated_at <= $6))';
