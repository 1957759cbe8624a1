import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `delivery_status`: every status the receiver reported for a delivery, in order. */
@Entity({ name: 'delivery_status' })
export class DeliveryStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ type: 'char', length: 2 })
  code!: string;

  @Column({ type: 'varchar', nullable: true })
  description!: string | null;

  @Column({ name: 'staff_name', type: 'varchar', nullable: true })
  staffName!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
