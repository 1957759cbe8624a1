import type { CopyType } from '@vanthu/signing';
import { BIGINT_AS_NUMBER } from '@vanthu/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const COPY_TYPES = ['sao-y', 'sao-luc', 'trich-sao'] as const satisfies readonly CopyType[];

/** The abbreviation of each kind of copy in the copy's notation (domain.md §2: SY, SL, TrS). */
export const COPY_TYPE_ABBREVIATIONS: Record<CopyType, string> = {
  'sao-y': 'SY',
  'sao-luc': 'SL',
  'trich-sao': 'TrS',
};

/**
 * Maps `document_copy`: one electronic copy (sao y, sao lục, trích sao) an agency made of one of its
 * documents, numbered in its copy register, signed by the organisation; immutable but for its
 * withdrawal when the document is recalled.
 */
@Entity({ name: 'document_copy' })
export class DocumentCopyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'source_entry_id', type: 'uuid' })
  sourceEntryId!: string;

  /** The version whose bytes were copied; null for a trích sao, whose extract was uploaded. */
  @Column({ name: 'source_version_id', type: 'uuid', nullable: true })
  sourceVersionId!: string | null;

  @Column({ name: 'register_id', type: 'uuid' })
  registerId!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'code_number', type: 'varchar' })
  codeNumber!: string;

  @Column({ name: 'code_notation', type: 'varchar' })
  codeNotation!: string;

  @Column({ name: 'copy_type', type: 'varchar' })
  copyType!: CopyType;

  /** Nơi nhận of the copy, as the clerk wrote it. */
  @Column({ name: 'to_places', type: 'varchar', nullable: true })
  toPlaces!: string | null;

  @Column({ name: 'file_name', type: 'varchar' })
  fileName!: string;

  @Column({ name: 'storage_key', type: 'varchar' })
  storageKey!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({
    name: 'size_bytes',
    type: 'bigint',
    transformer: BIGINT_AS_NUMBER,
  })
  sizeBytes!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set when the document it copies was recalled: the copy no longer has effect nor content. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
