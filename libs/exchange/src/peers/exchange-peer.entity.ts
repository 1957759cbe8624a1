import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PeerRole = 'hub' | 'node';

/**
 * Maps `exchange_peer`: an installation this one talks to, with its pinned certificate and the
 * state of its circuit breaker (in the database, so every process of the installation shares it).
 */
@Entity({ name: 'exchange_peer' })
export class ExchangePeerEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  role!: PeerRole;

  /** null: the peer has no inbound port; it polls our mailbox */
  @Column({ name: 'base_url', type: 'varchar', nullable: true })
  baseUrl!: string | null;

  /** we poll this hub's mailbox */
  @Column({ type: 'boolean' })
  poll!: boolean;

  @Column({ name: 'certificate_der', type: 'bytea' })
  certificateDer!: Buffer;

  @Column({ name: 'sha256_fingerprint', type: 'char', length: 64 })
  sha256Fingerprint!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** consecutive transient failures */
  @Column({ type: 'integer' })
  failures!: number;

  /** the circuit is open: no sending before this time, then one probe */
  @Column({ name: 'probe_at', type: 'timestamptz', nullable: true })
  probeAt!: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
