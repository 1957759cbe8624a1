import { Column, Entity, PrimaryColumn } from 'typeorm';

/** local: an agency hosted on this node; exchange: sent by the exchange module; paper; internal unit. */
export type DeliveryChannel = 'local' | 'exchange' | 'paper' | 'internal';
/** edXML BussinessDocType: 0 new, 1 revoke, 2 update, 3 replace. */
export type DeliveryBusiness = 'new' | 'revoke' | 'update' | 'replace';
export type DeliveryState = 'pending' | 'delivered' | 'sent' | 'failed' | 'not_sent';

/** Maps `delivery`: one recipient of one business event of an outgoing document (the outbox). */
@Entity({ name: 'delivery' })
export class DeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'entry_id', type: 'uuid' })
  entryId!: string;

  @Column({ name: 'recipient_id', type: 'uuid', nullable: true })
  recipientId!: string | null;

  @Column({ name: 'sender_agency_id', type: 'uuid' })
  senderAgencyId!: string;

  @Column({ type: 'varchar' })
  channel!: DeliveryChannel;

  @Column({ type: 'varchar' })
  business!: DeliveryBusiness;

  @Column({ type: 'varchar', nullable: true })
  reason!: string | null;

  @Column({ name: 'target_agency_id', type: 'uuid', nullable: true })
  targetAgencyId!: string | null;

  @Column({ name: 'organ_id', type: 'varchar', nullable: true })
  organId!: string | null;

  @Column({ name: 'organ_name', type: 'varchar' })
  organName!: string;

  @Column({ type: 'varchar' })
  state!: DeliveryState;

  /** The receiver's latest business status (01 arrived … 06 completed, 02 rejected). */
  @Column({ name: 'status_code', type: 'char', length: 2, nullable: true })
  statusCode!: string | null;

  @Column({ name: 'status_description', type: 'varchar', nullable: true })
  statusDescription!: string | null;

  @Column({ name: 'status_at', type: 'timestamptz', nullable: true })
  statusAt!: Date | null;

  @Column({ name: 'incoming_entry_id', type: 'uuid', nullable: true })
  incomingEntryId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
