/** A status of a document that came from another node, to be sent back to its sender. */
export interface RemoteStatus {
  /** the recipient agency (hosted here) that reports */
  readonly agencyId: string;
  /** the consignment the document came in (the incoming entry's sourceDeliveryId) */
  readonly consignmentId: string;
  readonly code: string;
  readonly description: string | null;
  readonly staffName: string | null;
  readonly at: Date;
}

/**
 * Where registers hand the statuses of documents received by exchange (03 registered, 04 assigned,
 * 05, 06, 02 returned). Owned by registers, implemented by the application with the exchange
 * module, and called in the transaction that changed the entry: the status leaves if and only if
 * the change commits.
 */
export abstract class StatusOutbox {
  abstract enqueue(status: RemoteStatus): Promise<void>;
}
