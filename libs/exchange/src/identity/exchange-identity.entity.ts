import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `exchange_identity`: the installation's key (sealed) and certificate; one row is active. */
@Entity({ name: 'exchange_identity' })
export class ExchangeIdentityEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ name: 'certificate_der', type: 'bytea' })
  certificateDer!: Buffer;

  @Column({ name: 'chain_der', type: 'bytea', array: true })
  chainDer!: Buffer[];

  @Column({ name: 'sealed_key', type: 'bytea', select: false })
  sealedKey!: Buffer;

  @Column({ name: 'sha256_fingerprint', type: 'char', length: 64 })
  sha256Fingerprint!: string;

  @Column({ name: 'agency_codes', type: 'varchar', array: true })
  agencyCodes!: string[];

  @Column({ type: 'varchar' })
  source!: 'demo' | 'import';

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
