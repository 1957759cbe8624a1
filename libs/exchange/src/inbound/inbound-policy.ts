import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import type { ExchangeInboundEntity, InboundState } from './exchange-inbound.entity';
import type { AdmittedPackage, ReceiveLookups } from './package-admission';

/** What this installation will do with an admitted package, decided before anything is stored. */
export interface Placement {
  /** node: the hosted recipient agency (its audit chain records the arrival) */
  readonly agencyId: string | null;
  /** hub: the next hop */
  readonly nextHop?: ExchangePeerEntity;
  /** node, status packages: the consignment the status answers */
  readonly answers?: string;
}

/** A package kept by the receiving transaction: what it is, its row, where it goes. */
export interface KeptPackage {
  readonly pkg: AdmittedPackage;
  readonly row: ExchangeInboundEntity;
  readonly placement: Placement;
}

/**
 * The part of receiving that differs between a node (the recipient must be hosted here; a status
 * must answer a delivery this node made) and a hub (the recipient must have a route; the package is
 * queued to the next hop in the receiving transaction).
 */
export abstract class InboundPolicy {
  /**
   * The state a received row is inserted in: `received` where it waits to be processed (node),
   * `forwarded` where placing it is all there is to do (hub).
   */
  abstract readonly initialState: Extract<InboundState, 'received' | 'forwarded'>;

  /** Throws the refusal (4xx) when the package has no place here. */
  abstract check(
    pkg: AdmittedPackage,
    from: ExchangePeerEntity | null,
    consignmentId: string,
    lookups: ReceiveLookups,
  ): Promise<Placement>;

  /** Runs in the transaction that inserted the rows of `kept`. */
  abstract place(kept: readonly KeptPackage[]): Promise<void>;
}
