import type { AuditLog } from '@vanthu/audit';
import type { ExchangeOutboundEntity } from './exchange-outbound.entity';
import type { DeadCause, OutboundListener } from './outbound-listener';

/**
 * What follows a consignment's move to `dead`, in the transaction that made it: the installation's
 * listener (on a node: the delivery failed, the clerks alerted) and the `exchange.dead` audit event,
 * the same whatever the cause; `details` adds what the cause knows.
 */
export async function recordDeadConsignment(
  listener: OutboundListener,
  audit: AuditLog,
  row: ExchangeOutboundEntity,
  cause: DeadCause,
  details: Record<string, unknown> = {},
): Promise<void> {
  await listener.onDead(row, cause);
  await audit.record({
    action: 'exchange.dead',
    agencyId: row.agencyId,
    subjectType: 'consignment',
    subjectId: row.consignmentId,
    details: {
      cause,
      kind: row.kind,
      to: row.toCode,
      deliveryId: row.deliveryId,
      attempts: row.attempts,
      lastErrorCode: row.lastErrorCode,
      lastError: row.lastError?.slice(0, 500) ?? null,
      ...details,
    },
  });
}
