import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `crl`: revocation lists loaded by hand, for nodes that verify offline. */
@Entity({ name: 'crl' })
export class CrlEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar' })
  issuer!: string;

  @Column({ name: 'this_update', type: 'timestamptz' })
  thisUpdate!: Date;

  @Column({ name: 'next_update', type: 'timestamptz', nullable: true })
  nextUpdate!: Date | null;

  @Column({ name: 'revoked_count', type: 'integer' })
  revokedCount!: number;

  @Column({ name: 'crl_der', type: 'bytea' })
  crlDer!: Buffer;

  @Column({ name: 'sha256_fingerprint', type: 'char', length: 64 })
  sha256Fingerprint!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
