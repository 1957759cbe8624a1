import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type CertificateKind = 'organisation' | 'personal';
export type CertificateStatus = 'active' | 'revoked' | 'replaced';

/**
 * Maps `certificate`. The sealed key column is never selected by default (`select: false`): it
 * leaves the database through one named query of the repository, for unlocking only.
 */
@Entity({ name: 'certificate' })
export class CertificateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @Column({ type: 'varchar' })
  kind!: CertificateKind;

  @Column({ type: 'varchar' })
  subject!: string;

  @Column({ type: 'varchar' })
  issuer!: string;

  @Column({ name: 'serial_number', type: 'varchar' })
  serialNumber!: string;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore!: Date;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter!: Date;

  @Column({ name: 'sha256_fingerprint', type: 'char', length: 64 })
  sha256Fingerprint!: string;

  @Column({ name: 'certificate_der', type: 'bytea' })
  certificateDer!: Buffer;

  @Column({ name: 'chain_der', type: 'bytea', array: true })
  chainDer!: Buffer[];

  @Column({ name: 'sealed_key', type: 'bytea', nullable: true, select: false })
  sealedKey!: Buffer | null;

  @Column({ type: 'varchar' })
  status!: CertificateStatus;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', nullable: true })
  revokedReason!: string | null;

  @VersionColumn()
  version!: number;
}
