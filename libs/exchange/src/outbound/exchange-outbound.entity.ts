import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '@vanthu/persistence';
import type { PackageBusiness, PackageKind } from '../inbound/exchange-inbound.entity';

export type OutboundState = 'queued' | 'sending' | 'sent' | 'rejected' | 'dead';

/**
 * Maps `exchange_outbound`: one consignment on its way to one next hop, with the exact bytes to
 * send (by storage key) and its retry state. Unique per (consignment, peer): a resend re-queues
 * the same row, never a new one.
 */
@Entity({ name: 'exchange_outbound' })
export class ExchangeOutboundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'consignment_id', type: 'uuid' })
  consignmentId!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Column({ name: 'storage_key', type: 'varchar' })
  storageKey!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  size!: number;

  @Column({ type: 'varchar' })
  kind!: PackageKind;

  @Column({ type: 'varchar', nullable: true })
  business!: PackageBusiness | null;

  @Column({ name: 'status_code', type: 'char', length: 2, nullable: true })
  statusCode!: string | null;

  @Column({ name: 'to_code', type: 'varchar', nullable: true })
  toCode!: string | null;

  /** node: the sender's delivery (edoc packages) */
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId!: string | null;

  /** node: the sending agency (for its dead-letter list and alerts) */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  /** status packages: the consignment the status answers */
  @Column({ name: 'answers_consignment', type: 'uuid', nullable: true })
  answersConsignment!: string | null;

  @Column({ type: 'varchar' })
  state!: OutboundState;

  @Column({ type: 'integer' })
  attempts!: number;

  /** the last attempt ended without an answer: ask for the receipt before sending again */
  @Column({ type: 'boolean' })
  ambiguous!: boolean;

  /** 2xx answers that were not a valid receipt (a proxy's page, a wrong URL): the delivery fails at the limit */
  @Column({ name: 'non_receipt_answers', type: 'integer' })
  nonReceiptAnswers!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'first_queued_at', type: 'timestamptz' })
  firstQueuedAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  receipt!: string | null;

  @Column({ name: 'last_error_code', type: 'varchar', nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error', type: 'varchar', nullable: true })
  lastError!: string | null;
}
