import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'uuid' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar' })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', nullable: true })
  subjectType!: string | null;

  @Column({ name: 'subject_id', type: 'varchar', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', nullable: true })
  ip!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
