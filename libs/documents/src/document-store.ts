import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, newId } from '@vanthu/shared';
import { ObjectStorage } from '@vanthu/storage';
import { DocumentVersionEntity, type DocumentVersionKind } from './document-version.entity';
import { DocumentVersionRepository } from './document-version.repository';

export interface AddVersionInput {
  agencyId: string;
  entryId: string;
  fileIndex: number;
  fileName: string;
  kind: DocumentVersionKind;
  bytes: Buffer;
  createdBy: string | null;
  verificationVerdict?: string | null;
  verificationReport?: object | null;
}

/** An object in storage, by content. */
export interface StoredObject {
  sha256: string;
  sizeBytes: number;
}

/** Content-addressed: the same bytes delivered to ten communes are stored once. */
export function storageKeyOf(sha256: string): string {
  return `documents/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

/**
 * The files of register entries: every upload and every signed revision is a new immutable
 * version. The object is written before the row, inside the caller's transaction: a rollback
 * leaves at most an unreferenced object (never a row pointing at nothing).
 */
@Injectable()
export class DocumentStore {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly versions: DocumentVersionRepository,
    private readonly clock: Clock,
  ) {}

  async addVersion(input: AddVersionInput): Promise<DocumentVersionEntity> {
    const sha256 = await this.storeBytes(input.bytes);
    return this.insertVersion(input, sha256, input.bytes.length);
  }

  /**
   * Writes the bytes to storage only. Callers store before their transaction opens, so no row lock
   * waits on the disk; a rollback then leaves at most an unreferenced object, as addVersion does.
   */
  async store(bytes: Buffer): Promise<StoredObject> {
    return { sha256: await this.storeBytes(bytes), sizeBytes: bytes.length };
  }

  /** The first version (seq 1) of each file of an entry created in this transaction, in one INSERT. */
  async addFirstVersions(
    inputs: readonly (Omit<AddVersionInput, 'bytes'> & { stored: StoredObject })[],
  ): Promise<DocumentVersionEntity[]> {
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

  private async storeBytes(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = storageKeyOf(sha256);
    await this.storage.putIfAbsent(key, bytes, { contentType: 'application/pdf', sha256 });
    return sha256;
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
    stored: StoredObject,
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
      verificationVerdict: input.verificationVerdict ?? null,
      verificationReport: input.verificationReport ?? null,
      createdBy: input.createdBy,
      createdAt: this.clock.now(),
    });
  }
}
