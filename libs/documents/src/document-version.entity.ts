import { BIGINT_AS_NUMBER } from '@vanthu/persistence';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DOCUMENT_VERSION_KINDS = [
  'original',
  'upload',
  'personal_signed',
  'issued',
  'attachment_signed',
  'received',
] as const;
export type DocumentVersionKind = (typeof DOCUMENT_VERSION_KINDS)[number];

/**
 * Maps `document_version`: one immutable stored file (a trigger refuses updates): a PDF, or another
 * attachment a received document came with (`mediaType`).
 */
@Entity({ name: 'document_version' })
export class DocumentVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  /** 0 is the main document; 1… are attachments in separate files. */
  @Column({ name: 'file_index', type: 'smallint' })
  fileIndex!: number;

  @Column({ name: 'file_name', type: 'varchar' })
  fileName!: string;

  @Column({ type: 'smallint' })
  seq!: number;

  @Column({ type: 'varchar' })
  kind!: DocumentVersionKind;

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

  /** application/pdf, or an allow-listed type (media-type.ts) for a received non-PDF attachment */
  @Column({ name: 'media_type', type: 'varchar' })
  mediaType!: string;

  @Column({ name: 'verification_verdict', type: 'varchar', nullable: true })
  verificationVerdict!: string | null;

  @Column({ name: 'verification_report', type: 'jsonb', nullable: true })
  verificationReport!: object | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
