import { Injectable } from '@nestjs/common';
import { numberNotationOf } from '../entries/entry-view';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { type DuplicateKey, RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';

/**
 * ND30's duplicate warning: the same document identifier, or the same number-notation from the
 * same issuer, already in the agency's incoming documents. A warning, not a ban: the clerk may
 * confirm (two documents can legitimately share a notation when a sender errs), and the entry then
 * keeps a pointer to the one it resembles.
 */
@Injectable()
export class IncomingDuplicateGuard {
  constructor(private readonly entries: RegisterEntryRepository) {}

  /** ENTRY_DUPLICATE (409) unless confirmed; returns the entry the new one duplicates, if any. */
  async check(
    agencyId: string,
    key: DuplicateKey,
    confirmed: boolean,
    excludeId?: string,
  ): Promise<string | null> {
    const [found] = await this.entries.findFirstDuplicates([{ ...key, agencyId, excludeId }]);
    return this.verdict(found, confirmed);
  }

  /** check() for a batch of new documents in one query: per key, what check() returns or throws. */
  async checkMany(
    keys: readonly (DuplicateKey & { agencyId: string; confirmed: boolean })[],
  ): Promise<({ duplicateOf: string | null } | { error: unknown })[]> {
    const found = await this.entries.findFirstDuplicates(keys);
    return keys.map((key, i) => {
      try {
        return { duplicateOf: this.verdict(found[i], key.confirmed) };
      } catch (error) {
        return { error };
      }
    });
  }

  private verdict(existing: RegisterEntryEntity | null, confirmed: boolean): string | null {
    if (!existing) return null;
    if (confirmed) return existing.id;
    const details = {
      id: existing.id,
      numberNotation: numberNotationOf(existing),
      arrivalNumber: existing.number,
      entryDate: existing.entryDate,
      status: existing.status,
      subject: existing.subject,
      organName: existing.organName,
      documentIdentifier: existing.documentIdentifier,
    };
    throw RegistersErrors.duplicate(details);
  }
}
