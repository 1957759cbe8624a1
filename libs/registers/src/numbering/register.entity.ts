import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REGISTER_KINDS = ['incoming', 'outgoing', 'copy'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** Maps `register`: one numbering series of an agency for one year. */
@Entity({ name: 'register' })
export class RegisterEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'varchar' })
  kind!: RegisterKind;

  /** Set for an outgoing series of one document type (agencies numbering per type). */
  @Column({ name: 'document_type_code', type: 'varchar', nullable: true })
  documentTypeCode!: string | null;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ name: 'next_number', type: 'integer' })
  nextNumber!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
