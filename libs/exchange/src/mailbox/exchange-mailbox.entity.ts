import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '@vanthu/persistence';

/** Maps `exchange_mailbox`: a consignment waiting at a hub for a poll-only peer to fetch and ack. */
@Entity({ name: 'exchange_mailbox' })
export class ExchangeMailboxEntity {
  @PrimaryColumn({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  seq!: number;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;

  @Column({ name: 'consignment_id', type: 'uuid' })
  consignmentId!: string;

  @Column({ name: 'storage_key', type: 'varchar' })
  storageKey!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  size!: number;

  @Column({ type: 'varchar' })
  state!: 'waiting' | 'acked';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'acked_at', type: 'timestamptz', nullable: true })
  ackedAt!: Date | null;

  @Column({ name: 'ack_receipt', type: 'text', nullable: true })
  ackReceipt!: string | null;
}
