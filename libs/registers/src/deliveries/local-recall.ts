import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { InboxRecall, RECALL_NOTICE } from './inbox-recall';

/** edXML status 15: the recipient agreed to the take-back (on this node it is carried out at once). */
const TAKE_BACK_AGREED = '15';

/** A recall (or replace) at a recipient hosted on this node: carried out at once, status 15. */
@Injectable()
export class LocalRecall {
  constructor(
    private readonly inbox: InboxRecall,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async recall(
    original: DeliveryEntity,
    revoke: DeliveryEntity,
    reason: string,
    notice = RECALL_NOTICE,
  ): Promise<void> {
    if (original.incomingEntryId && original.targetAgencyId)
      await this.inbox.recall(original.targetAgencyId, original.incomingEntryId, reason, notice);
    const now = this.clock.now();
    await this.deliveries.update(revoke.id, {
      state: 'delivered',
      incomingEntryId: original.incomingEntryId,
      updatedAt: now,
    });
    await this.deliveries.addStatus(revoke.id, TAKE_BACK_AGREED, 'Đã thu hồi và hủy văn bản', null, now);
  }
}
