import { Column, Entity, PrimaryColumn } from 'typeorm';

/** progress and opinion (specialists on incoming), comment, review and return (outgoing drafts). */
export type EntryNoteKind = 'progress' | 'opinion' | 'comment' | 'review' | 'return';

@Entity({ name: 'entry_note' })
export class EntryNoteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  /** null: written by the sender's system on another node (an update received by exchange) */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'varchar' })
  kind!: EntryNoteKind;

  @Column({ type: 'varchar' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
