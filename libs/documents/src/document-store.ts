import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { ObjectStorage } from '@vanthu/storage';
import { DocumentVersionEntity, type DocumentVersionKind } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';
import { DocumentsErrors } from './documents.errors';
import { PDF_MEDIA_TYPE } from './media-type';
import { type ObjectClaim, StoredObjectClaimRepository } from './stored-object-claim.repository';

export interface AddVersionInput {
  agencyId: string;
  entryId: string;
  fileIndex: number;
  fileName: string;
  kind: DocumentVersionKind;
  bytes: Buffer;
  createdBy: string | null;
  /** application/pdf when not given */
  mediaType?: string;
  verificationVerdict?: string | null;
  verificationReport?: object | null;
}

/**
 * An object in storage, by content, with the claim that protects it until a committed row
 * references it (or it is discarded).
 */
export interface StoredObject {
  sha256: string;
  sizeBytes: number;
  claimId: string;
}

/**
 * Content-addressed: the same bytes delivered to ten communes are stored once. The key is the same
 * for every file whatever its type (it names bytes, not a format: the `.pdf` is from before received
 * documents kept non-PDF attachments, and objects already stored keep their keys).
 */
export function storageKeyOf(sha256: string): string {
  return `documents/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

/**
 * The files of register entries: every upload and every signed revision is a new immutable
 * version. The object is written before the row, so a row never points at nothing; and nothing a
 * refused request wrote stays: each object is claimed before it is written (migration
 * 1764100000410), the transaction that references it removes the claim as it inserts the row, and
 * a request that does not get that far releases the claim, which deletes the object unless another
 * claim or a row still needs it (the same bytes stored by a concurrent request, or long before).
 * A claim left by a process that died is released by StoredObjectSweeper.
 */
@Injectable()
export class DocumentStore {
  constructor(
    private readonly db: Database,
    private readonly storage: ObjectStorage,
    private readonly versions: DocumentVersionRepository,
    private readonly claims: StoredObjectClaimRepository,
    private readonly clock: Clock,
  ) {}

  /** In a transaction: stores the bytes and adds them as the file's next version. */
  async addVersion(input: AddVersionInput): Promise<DocumentVersionEntity> {
    const stored = await this.store(input.bytes);
    return this.insertVersion(input, stored.sha256, stored.sizeBytes);
  }

  /** `storeAll` for one file. */
  async store(bytes: Buffer): Promise<StoredObject> {
    return (await this.storeAll([bytes]))[0];
  }

  /**
   * Claims the files' objects, then writes them (the bytes of an object already there are not
   * written again). Inside a transaction the objects are the transaction's: it must reference them
   * before it commits, and they are released if it rolls back. Outside one they are the caller's:
   * it references them in a transaction (addFirstVersions) or gives them back with `discard` when
   * the request is refused. Callers store before their transaction opens where they can, so no row
   * lock waits on the disk.
   */
  async storeAll(files: readonly Buffer[]): Promise<StoredObject[]> {
    const hashes = files.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
    const claims = await this.claims.claim(hashes.map(storageKeyOf));
    const stored = files.map((bytes, i) => ({
      sha256: hashes[i],
      sizeBytes: bytes.length,
      claimId: claims[i].id,
    }));
    try {
      await Promise.all(
        files.map((bytes, i) =>
          this.storage.putIfAbsent(claims[i].key, bytes, {
            contentType: 'application/pdf',
            sha256: hashes[i],
          }),
        ),
      );
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
   * Gives back objects stored outside a transaction that no row will reference (the request was
   * refused): each is deleted unless another request's claim or a committed row needs it. Never
   * throws: what it cannot release now (storage unreachable) the sweeper releases later.
   */
  async discard(stored: readonly StoredObject[]): Promise<void> {
    for (const object of stored) {
      const claim: ObjectClaim = { id: object.claimId, key: storageKeyOf(object.sha256) };
      await this.claims.release(claim, (key) => this.storage.delete(key)).catch(() => undefined);
    }
  }

  /** The first version (seq 1) of each file of an entry created in this transaction, in one INSERT. */
  async addFirstVersions(
    inputs: readonly (Omit<AddVersionInput, 'bytes'> & { stored: StoredObject })[],
  ): Promise<DocumentVersionEntity[]> {
    await this.keep(inputs.map((input) => input.stored));
    const rows = inputs.map((input) => this.versionRow(input, input.stored, 1));
    await this.versions.insertMany(rows);
    return rows;
  }

  /** A new version pointing at an object already stored (local delivery shares the sender's bytes). */
  async linkVersion(
    input: Omit<AddVersionInput, 'bytes'>,
    source: Pick<DocumentVersionEntity, 'sha256' | 'sizeBytes'>,
  ): Promise<DocumentVersionEntity> {
    return this.insertVersion(input, source.sha256, source.sizeBytes);
  }

  async read(version: Pick<DocumentVersionEntity, 'storageKey'>): Promise<Buffer> {
    return this.storage.getBuffer(version.storageKey);
  }

  list(entryId: string): Promise<DocumentVersionEntity[]> {
    return this.versions.listByEntry(entryId);
  }

  latest(entryId: string): Promise<DocumentVersionEntity[]> {
    return this.versions.latestByEntry(entryId);
  }

  find(entryId: string, versionId: string): Promise<DocumentVersionEntity | null> {
    return this.versions.findInEntry(entryId, versionId);
  }

  /**
   * Removes an entry's versions (a recalled document is destroyed at the receiver). Only the rows go,
   * inside the caller's transaction; the objects are content-addressed and usually shared with the
   * sender's frozen copy, so they are never deleted here (a rollback could not bring them back).
   */
  async destroyEntryFiles(entryId: string): Promise<number> {
    return (await this.versions.deleteByEntry(entryId)).length;
  }

  /**
   * Removes the objects' claims in the current transaction, which references them: its commit
   * swaps claims for rows in one step. Each claim once per transaction (a retried one starts over).
   */
  private async keep(stored: readonly StoredObject[]): Promise<void> {
    const kept = this.db.transactionState(this, () => new Set<string>());
    const ids = [...new Set(stored.map((s) => s.claimId))].filter((id) => !kept.has(id));
    if ((await this.claims.keep(ids)) !== ids.length) throw DocumentsErrors.claimExpired();
    for (const id of ids) kept.add(id);
  }

  private async insertVersion(
    input: Omit<AddVersionInput, 'bytes'>,
    sha256: string,
    sizeBytes: number,
  ): Promise<DocumentVersionEntity> {
    const seq = await this.versions.nextSeq(input.entryId, input.fileIndex);
    const row = this.versionRow(input, { sha256, sizeBytes }, seq);
    await this.versions.insert(row);
    return row;
  }

  private versionRow(
    input: Omit<AddVersionInput, 'bytes'>,
    stored: Pick<StoredObject, 'sha256' | 'sizeBytes'>,
    seq: number,
  ): DocumentVersionEntity {
    return Object.assign(new DocumentVersionEntity(), {
      id: newId(),
      agencyId: input.agencyId,
      entryId: input.entryId,
      fileIndex: input.fileIndex,
      fileName: input.fileName,
      seq,
      kind: input.kind,
      storageKey: storageKeyOf(stored.sha256),
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      mediaType: input.mediaType ?? PDF_MEDIA_TYPE,
      verificationVerdict: input.verificationVerdict ?? null,
      verificationReport: input.verificationReport ?? null,
      createdBy: input.createdBy,
      createdAt: this.clock.now(),
    });
  }
}
