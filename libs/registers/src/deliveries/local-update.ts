import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { InboxUpdate, type IssuedCorrections } from './inbox-update';

export type { IssuedCorrections } from './inbox-update';

/** An update at a recipient hosted here: applied at once (InboxUpdate), status 01 on the follow-up. */
@Injectable()
export class LocalUpdate {
  constructor(
    private readonly inbox: InboxUpdate,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async apply(
    original: DeliveryEntity,
    update: DeliveryEntity,
    changes: IssuedCorrections,
    reason: string,
    actorId: string,
  ): Promise<void> {
    if (original.incomingEntryId && original.targetAgencyId)
      await this.inbox.apply(original.targetAgencyId, original.incomingEntryId, changes, reason, actorId);
    const now = this.clock.now();
    await this.deliveries.update(update.id, {
      state: 'delivered',
      incomingEntryId: original.incomingEntryId,
      updatedAt: now,
    });
    await this.deliveries.addStatus(update.id, '01', 'Đã nhận thông tin cập nhật', null, now);
  }
}
