import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export type OutgoingSeries = 'single' | 'per_type';

/** Maps `register_setting`: how an agency numbers outgoing documents (decided by its head). */
@Entity({ name: 'register_setting' })
export class RegisterSettingEntity {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @Column({ name: 'outgoing_series', type: 'varchar' })
  outgoingSeries!: OutgoingSeries;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
