import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A recipient of an outgoing document (nơi nhận): an internal unit, an agency by its code (hosted
 * on this node or not), or a recipient without a code that gets paper.
 */
export type RecipientKind = 'unit' | 'agency' | 'paper';

@Entity({ name: 'entry_recipient' })
export class EntryRecipientEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar' })
  kind!: RecipientKind;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @Column({ name: 'organ_id', type: 'varchar', nullable: true })
  organId!: string | null;

  @Column({ name: 'organ_name', type: 'varchar' })
  organName!: string;
}
