import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/** Maps `case_file` (hồ sơ). Documents join it through `case_file_entry`, never copied. */
@Entity({ name: 'case_file' })
export class CaseFileEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'varchar' })
  keeper!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
