import { Injectable, Optional } from '@nestjs/common';
import { Clock, newId } from '@vanthu/shared';
import type { DeliveryBusiness, DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { RemoteDeliveryQueue } from './remote-delivery-queue.port';

/**
 * Revoke, update and replace of an issued document travel the same way as the document did: one
 * new delivery per original recipient (edXML BussinessDocType 1, 2, 3), pending for the exchange
 * module, or handed to `onLocal` at once for a recipient hosted on this node.
 */
@Injectable()
export class FollowUpDeliveries {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
    @Optional() private readonly remoteQueue?: RemoteDeliveryQueue,
  ) {}

  async send(
    entryId: string,
    business: Exclude<DeliveryBusiness, 'new'>,
    reason: string,
    onLocal: (original: DeliveryEntity, followUp: DeliveryEntity) => Promise<void>,
  ): Promise<number> {
    const now = this.clock.now();
    const originals = (await this.deliveries.listByEntry(entryId)).filter((d) => d.business === 'new');
    for (const original of originals) {
      const followUp: DeliveryEntity = {
        ...original,
        id: newId(),
        business,
        reason,
        state: original.channel === 'exchange' || original.channel === 'local' ? 'pending' : original.state,
        statusCode: null,
        statusDescription: null,
        statusAt: null,
        incomingEntryId: null,
        createdAt: now,
        updatedAt: now,
      };
      await this.deliveries.insert(followUp);
      if (original.channel === 'local') await onLocal(original, followUp);
      if (original.channel === 'exchange') this.remoteQueue?.queued();
    }
    return originals.length;
  }
}
