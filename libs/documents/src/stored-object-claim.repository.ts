import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { Batcher, type BatchOutcome, newId } from '@vanthu/shared';

/** A request's claim on an object it stored and has not yet referenced (`stored_object_claim`). */
export interface ObjectClaim {
  id: string;
  key: string;
}

/** What a release did with the object. */
export type ReleaseOutcome = 'deleted' | 'kept' | 'busy';

/**
 * The advisory lock of a storage key (the two-key form, whose space no one-key lock shares):
 * claims and releases of one key serialise on it; keys that share a hash only wait for each other.
 */
function lockOf(key: string): string {
  return `pg_advisory_xact_lock(410, hashtext(${key}))`;
}

/**
 * Claims on stored objects (see migration 1764100000410 for the protocol). Claims commit on their
 * own (Database.autonomous), before the object is written, and are visible to every release at
 * once; `keep` deletes them in the transaction that inserts the rows referencing the objects.
 */
@Injectable()
export class StoredObjectClaimRepository {
  /** Claims that arrive while one is being committed are committed together, by the next one. */
  private readonly batches = new Batcher<ObjectClaim[], void>((batch) => this.insertClaims(batch));

  constructor(private readonly db: Database) {}

  /**
   * Records one claim per key, committed when this returns. The keys' locks are taken in hash
   * order (as every statement that takes several does), so two claims cannot deadlock; a release
   * of one of the keys in progress is waited for, so its deletion is over before the caller writes.
   */
  async claim(keys: readonly string[]): Promise<ObjectClaim[]> {
    const claims = keys.map((key) => ({ id: newId(), key }));
    await this.batches.submit(claims);
    return claims;
  }

  /** One statement and one commit for the claims of a batch of requests. */
  private async insertClaims(batch: readonly ObjectClaim[][]): Promise<BatchOutcome<void>[]> {
    const claims = batch.flat();
    await this.db.autonomous(
      `WITH locked AS (
         SELECT count(${lockOf('k')}) FROM (SELECT DISTINCT k, hashtext(k) AS h FROM unnest($2::varchar[]) AS k ORDER BY h) keys)
       INSERT INTO stored_object_claim (id, storage_key)
       SELECT c.id, c.k FROM unnest($1::uuid[], $2::varchar[]) AS c(id, k), locked`,
      [claims.map((c) => c.id), claims.map((c) => c.key)],
    );
    return batch.map(() => ({ value: undefined }));
  }

  /**
   * In the caller's transaction: deletes the claims, which its rows now replace when it commits.
   * Returns how many were still there (a claim a sweep released is gone).
   */
  async keep(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { rowCount } = await this.db.prepared(
      'DELETE FROM stored_object_claim WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return rowCount;
  }

  /**
   * In a transaction of its own, under the key's lock: drops the claim and, when no other claim and
   * no row references the key, runs `whenUnused` (which deletes the object) before committing. A
   * claim locked by a transaction that is keeping it is left alone ('busy'): that transaction
   * decides. A failure of `whenUnused` rolls back, so the claim stays for the next sweep.
   */
  release(claim: ObjectClaim, whenUnused: (key: string) => Promise<void>): Promise<ReleaseOutcome> {
    return this.db.dataSource.transaction(async (m) => {
      await m.query(`SELECT ${lockOf('$1')}`, [claim.key]);
      const [, deleted] = (await m.query(
        `DELETE FROM stored_object_claim
          WHERE id IN (SELECT id FROM stored_object_claim WHERE id = $1 FOR UPDATE SKIP LOCKED)`,
        [claim.id],
      )) as [unknown, number];
      // A statement of its own: its snapshot is taken after the lock and the delete above.
      const [{ used, mine }] = (await m.query(
        `SELECT EXISTS (SELECT 1 FROM stored_object_claim WHERE storage_key = $1) OR stored_object_referenced($1) AS used,
                EXISTS (SELECT 1 FROM stored_object_claim WHERE id = $2) AS mine`,
        [claim.key, claim.id],
      )) as { used: boolean; mine: boolean }[];
      if (deleted === 0 && mine) return 'busy';
      if (used) return 'kept';
      await whenUnused(claim.key);
      return 'deleted';
    });
  }

  /** Claims older than `graceSeconds` by the database's clock, oldest first. */
  async expired(graceSeconds: number, limit: number): Promise<ObjectClaim[]> {
    const rows: { id: string; storage_key: string }[] = await this.db.dataSource.query(
      `SELECT id, storage_key FROM stored_object_claim
        WHERE created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ id: r.id, key: r.storage_key }));
  }
}
