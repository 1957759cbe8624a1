import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import type { ExchangeInboundEntity } from './exchange-inbound.entity';
import type { AdmittedPackage } from './package-admission';

/** What this installation will do with an admitted package, decided before anything is stored. */
export interface Placement {
  /** node: the hosted recipient agency (its audit chain records the arrival) */
  readonly agencyId: string | null;
  /** hub: the next hop */
  readonly nextHop?: ExchangePeerEntity;
  /** node, status packages: the consignment the status answers */
  readonly answers?: string;
}

/**
 * The part of receiving that differs between a node (the recipient must be hosted here; a status
 * must answer a delivery this node made) and a hub (the recipient must have a route; the package is
 * queued to the next hop in the receiving transaction).
 */
export abstract class InboundPolicy {
  /** Throws the refusal (4xx) when the package has no place here. */
  abstract check(
    pkg: AdmittedPackage,
    from: ExchangePeerEntity | null,
    consignmentId: string,
  ): Promise<Placement>;

  /** Runs in the transaction that inserted `row`. */
  abstract place(pkg: AdmittedPackage, row: ExchangeInboundEntity, placement: Placement): Promise<void>;
}
