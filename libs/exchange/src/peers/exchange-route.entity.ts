import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Maps `exchange_route`: where an agency code (or `*`, the default) is reached. */
@Entity({ name: 'exchange_route' })
export class ExchangeRouteEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'varchar' })
  agencyCode!: string;

  @Column({ name: 'peer_id', type: 'uuid' })
  peerId!: string;
}
