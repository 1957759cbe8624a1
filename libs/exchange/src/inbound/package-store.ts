import { Injectable, Logger } from '@nestjs/common';
import { DocumentsErrors, type ObjectClaim, StoredObjectClaimRepository } from '@vanthu/documents';
import { Database } from '@vanthu/persistence';
import { objectCorrupted, ObjectStorage } from '@vanthu/storage';
import { sha256Hex } from '../identity/exchange-identity-certificate';

/** Content-addressed: the same bytes (a consignment forwarded, resent, received again) are stored once. */
export function packageStorageKey(sha256: string): string {
  return `exchange/${sha256.slice(0, 2)}/${sha256}.xml`;
}

/** A package in storage and the claim that protects it until a committed row references it. */
export interface StoredPackage {
  readonly key: string;
  readonly claim: ObjectClaim;
}

/**
 * The exact bytes of packages sent and received, in the installation's object storage, under the
 * same claim protocol as document files (docs/registers.md, migration 1764100000410): a package is
 * claimed before it is written, the transaction that inserts the exchange row pointing at it
 * deletes the claim, and a refused or failed request releases it, which deletes the object unless
 * another claim or a row (stored_object_referenced, migration 1764100000501) still needs it. A
 * claim left by a process that died is released by the storage sweep (server and hub alike).
 */
@Injectable()
export class PackageStore {
  private readonly logger = new Logger('exchange');

  constructor(
    private readonly db: Database,
    private readonly storage: ObjectStorage,
    private readonly claims: StoredObjectClaimRepository,
  ) {}

  /**
   * Claims and writes the bytes. Inside a transaction the object is the transaction's (its claim
   * is removed now and released if it rolls back), so the transaction must reference it; outside
   * one the caller references it with `keep` in its transaction or gives it back with `discard`.
   */
  async put(bytes: Buffer, sha256: string): Promise<StoredPackage> {
    const [claim] = await this.claims.claim([packageStorageKey(sha256)]);
    const stored = { key: claim.key, claim };
    try {
      await this.storage.putIfAbsent(claim.key, bytes, { contentType: 'application/xml', sha256 });
    } catch (error) {
      await this.discard(stored);
      throw error;
    }
    if (this.db.inTransaction) {
      this.db.afterRollback(() => this.discard(stored));
      await this.keep(stored);
    }
    return stored;
  }

  /**
   * In the transaction that inserts the rows referencing them: its commit swaps the claims for the
   * rows (one statement however many).
   */
  async keep(...stored: StoredPackage[]): Promise<void> {
    // once per transaction: a package put inside this transaction is already kept
    const kept = this.db.transactionState(this, () => new Set<string>());
    const ids = [...new Set(stored.map((s) => s.claim.id))].filter((id) => !kept.has(id));
    if (ids.length === 0) return;
    if ((await this.claims.keep(ids)) !== ids.length) throw DocumentsErrors.claimExpired();
    for (const id of ids) kept.add(id);
  }

  /**
   * Gives back a package no row will reference: deleted unless another claim or a row needs it.
   * Never throws: what cannot be released now the sweep releases later.
   */
  async discard(stored: StoredPackage): Promise<void> {
    await this.claims
      .release(stored.claim, (key) => this.storage.delete(key))
      .catch((error: unknown) => this.logger.warn(`package ${stored.key} not released: ${String(error)}`));
  }

  /** The bytes, verified against the SHA-256 recorded when they were written. */
  read(key: string): Promise<Buffer> {
    return this.storage.getBuffer(key);
  }

  /**
   * The bytes of a row, verified against the row's own SHA-256 too (STORAGE_OBJECT_CORRUPTED
   * otherwise): exactly the bytes the row was made for, whatever was written to storage since.
   */
  async readExactly(key: string, sha256: string): Promise<Buffer> {
    const bytes = await this.read(key);
    if (sha256Hex(bytes) !== sha256) throw objectCorrupted(key, 'not the bytes of its row');
    return bytes;
  }
}
