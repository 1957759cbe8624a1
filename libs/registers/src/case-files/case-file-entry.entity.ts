import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'case_file_entry' })
export class CaseFileEntryEntity {
  @PrimaryColumn({ name: 'case_file_id', type: 'uuid' })
  caseFileId!: string;

  @PrimaryColumn({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
