import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '@vanthu/persistence';

export type PackageKind = 'edoc' | 'status';
export type InboundState = 'received' | 'processed' | 'held' | 'rejected' | 'forwarded';
export type PackageBusiness = 'new' | 'revoke' | 'update' | 'replace';

/**
 * Maps `exchange_inbound`: one received consignment, stored once with the receipt every repeat of
 * it gets. `state` follows its processing on a node (received → processed | held | rejected) or
 * its forwarding on a hub (forwarded).
 */
@Entity({ name: 'exchange_inbound' })
export class ExchangeInboundEntity {
  @PrimaryColumn({ name: 'consignment_id', type: 'uuid' })
  consignmentId!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  size!: number;

  @Column({ name: 'storage_key', type: 'varchar' })
  storageKey!: string;

  @Column({ type: 'varchar' })
  kind!: PackageKind;

  @Column({ type: 'varchar', nullable: true })
  business!: PackageBusiness | null;

  @Column({ name: 'status_code', type: 'char', length: 2, nullable: true })
  statusCode!: string | null;

  /** as written in the package (may not be a valid code) */
  @Column({ name: 'from_code', type: 'varchar', nullable: true })
  fromCode!: string | null;

  @Column({ name: 'to_code', type: 'varchar', nullable: true })
  toCode!: string | null;

  /** the document the package is about (edoc DocumentId, or a status's ResponseFor) */
  @Column({ name: 'document_id', type: 'varchar', nullable: true })
  documentId!: string | null;

  /** node: the hosted recipient agency */
  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'received_from_peer', type: 'uuid', nullable: true })
  receivedFromPeer!: string | null;

  /** the exact JSON bytes answered to the sender */
  @Column({ type: 'text' })
  receipt!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'varchar' })
  state!: InboundState;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'error_code', type: 'varchar', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'varchar', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
