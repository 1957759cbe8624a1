import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { DeliveryRepository } from './delivery.repository';
import { StatusOutbox } from './status-outbox.port';

/** edXML business statuses a receiver reports back (domain.md §4). */
export const DELIVERY_STATUS = {
  arrived: '01',
  rejected: '02',
  registered: '03',
  assigned: '04',
  inProgress: '05',
  completed: '06',
} as const;
export type DeliveryStatusCode = (typeof DELIVERY_STATUS)[keyof typeof DELIVERY_STATUS];

/**
 * Tells the sender what became of a document it sent. For a document delivered on this node the
 * sender's delivery row is updated in the receiver's transaction; for one that came by exchange the
 * status goes into the StatusOutbox in the same transaction, and travels back as a status package.
 */
@Injectable()
export class DeliveryStatusReporter {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly outbox: StatusOutbox,
    private readonly clock: Clock,
  ) {}

  async report(
    incoming: Pick<RegisterEntryEntity, 'source' | 'sourceDeliveryId' | 'agencyId'>,
    code: DeliveryStatusCode,
    description: string | null,
    staffName: string | null,
  ): Promise<void> {
    if (!incoming.sourceDeliveryId) return;
    if (incoming.source === 'exchange') {
      await this.outbox.enqueue({
        agencyId: incoming.agencyId,
        consignmentId: incoming.sourceDeliveryId,
        code,
        description,
        staffName,
        at: this.clock.now(),
      });
      return;
    }
    if (incoming.source !== 'local') return;
    await this.deliveries.addStatus(
      incoming.sourceDeliveryId,
      code,
      description,
      staffName,
      this.clock.now(),
    );
  }
}
