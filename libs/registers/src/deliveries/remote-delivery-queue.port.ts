/**
 * Told, in the transaction that writes it, of each delivery that travels by exchange (channel
 * 'exchange'): the application wakes the exchange module's package builder once that transaction
 * commits, so an issued document leaves at once rather than at the builder's next poll. Owned by
 * registers, implemented by the application; optional (without it the builder still polls).
 */
export abstract class RemoteDeliveryQueue {
  abstract queued(): void;
}
