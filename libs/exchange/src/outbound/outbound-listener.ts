import type { ExchangeOutboundEntity } from './exchange-outbound.entity';

/** Why a consignment is dead: past the maximum age, or its next hop kept answering something that is not a receipt. */
export type DeadCause = 'expired' | 'not-exchange';

/**
 * What the end of a consignment's journey to its next hop means on this installation, run in the
 * transaction that records it: on a node the sender's delivery moves (sent, failed with the reason,
 * dead with an alert); on a hub the audit log is the whole trace.
 */
export abstract class OutboundListener {
  abstract onSent(row: ExchangeOutboundEntity): Promise<void>;
  abstract onRejected(row: ExchangeOutboundEntity, code: string, message: string): Promise<void>;
  abstract onDead(row: ExchangeOutboundEntity, cause?: DeadCause): Promise<void>;
}

export class NoOutboundListener extends OutboundListener {
  async onSent(): Promise<void> {}
  async onRejected(): Promise<void> {}
  async onDead(): Promise<void> {}
}
