import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'varchar' })
  kind!: string;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId!: string | null;

  @Column({ type: 'varchar' })
  title!: string;

  /** Makes repeated reminders (deadline approaching) idempotent per user. */
  @Column({ name: 'dedupe_key', type: 'varchar', nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
