import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import { ObjectStorage } from '@vanthu/storage';
import { StoredObjectClaimRepository } from './stored-object-claim.repository';

/** Claims released per statement that lists them; a sweep goes on until none is left. */
const PAGE = 100;

export interface SweepResult {
  /** Claims of dead requests released. */
  released: number;
  /** Objects deleted with them (the rest were needed by a row or another claim). */
  deleted: number;
  /** Temporary files of writes that never finished, removed. */
  incompleteWrites: number;
}

/**
 * Cleans up after requests that died between storing a file and committing (kill -9, power loss, a
 * lost database connection): their claims, older than `graceSeconds`, are released as the request
 * itself would have released them (the object goes unless a row or a live claim needs it), and the
 * storage's temporaries of writes that never finished are removed. Live requests are younger than
 * the grace period; one that is not finds its claim gone when it commits and is refused
 * (STORAGE_CLAIM_EXPIRED) instead of referencing an object that may be deleted.
 */
@Injectable()
export class StoredObjectSweeper {
  constructor(
    private readonly claims: StoredObjectClaimRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  async sweep(graceSeconds: number): Promise<SweepResult> {
    const result: SweepResult = { released: 0, deleted: 0, incompleteWrites: 0 };
    const busy = new Set<string>();
    for (;;) {
      const page = (await this.claims.expired(graceSeconds, PAGE + busy.size)).filter((c) => !busy.has(c.id));
      if (page.length === 0) break;
      for (const claim of page) {
        const outcome = await this.claims.release(claim, (key) => this.storage.delete(key));
        // a transaction is keeping it right now: it commits (the row replaces the claim) or rolls back (and releases it)
        if (outcome === 'busy') busy.add(claim.id);
        else result.released++;
        if (outcome === 'deleted') result.deleted++;
      }
    }
    result.incompleteWrites = await this.storage.purgeIncompleteWrites(
      new Date(this.clock.now().getTime() - graceSeconds * 1000),
    );
    return result;
  }
}
