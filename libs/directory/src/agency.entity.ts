import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Maps the `agency` table (without the generated `search_text`). Stays inside libs/directory: other
 * code sees the `Agency` record.
 */
@Entity({ name: 'agency' })
export class AgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'varchar', length: 35 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'short_name', type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  abbreviation!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'level_label', type: 'varchar', length: 50 })
  levelLabel!: string;

  @Column({ name: 'successor_code', type: 'varchar', length: 35, nullable: true })
  successorCode!: string | null;

  @Column({ type: 'boolean' })
  hosted!: boolean;

  @Column({ name: 'is_demo', type: 'boolean' })
  isDemo!: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;
}
