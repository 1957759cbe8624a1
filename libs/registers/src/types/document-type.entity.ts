import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `document_type`: the ND30 types, seeded by the migration. */
@Entity({ name: 'document_type' })
export class DocumentTypeEntity {
  @PrimaryColumn({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  name!: string;

  /** Used in the notation (`QĐ`); null for Công văn, whose notation names the drafting unit instead. */
  @Column({ type: 'varchar', nullable: true })
  abbreviation!: string | null;

  @Column({ name: 'sort_order', type: 'smallint' })
  sortOrder!: number;
}
