import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `trust_anchor`: the CA certificates this node trusts when it verifies signatures. */
@Entity({ name: 'trust_anchor' })
export class TrustAnchorEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar' })
  label!: string;

  @Column({ type: 'varchar' })
  subject!: string;

  @Column({ name: 'serial_number', type: 'varchar' })
  serialNumber!: string;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore!: Date;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter!: Date;

  @Column({ name: 'certificate_der', type: 'bytea' })
  certificateDer!: Buffer;

  @Column({ name: 'sha256_fingerprint', type: 'char', length: 64 })
  sha256Fingerprint!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
