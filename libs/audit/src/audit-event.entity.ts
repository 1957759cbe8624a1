import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_event' })
export class AuditEventEntity {
  /** Node-wide order, from the sequence default (migration 1764100000370); never written by us. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  /** The agency id, 'system', or 'global' for rows written before per-agency chains. */
  @Column({ type: 'varchar', length: 64 })
  chain!: string;

  /** Position in the chain, from 1 without gaps. */
  @Column({ name: 'chain_seq', type: 'bigint' })
  chainSeq!: string;

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
