import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { Clock } from '@vanthu/shared';
import { DocumentCopyRepository } from '../copies/document-copy.repository';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';

/** edXML status 15: the recipient agreed to the take-back (on this node it is carried out at once). */
const TAKE_BACK_AGREED = '15';

/**
 * ND30 recall at a recipient hosted on this node: the recalled document and its metadata are
 * destroyed, the record of the recall stays (the entry keeps its arrival number, sender and
 * notation so the register has no hole, with status 'recalled' and the reason). Copies the
 * recipient made of it are withdrawn: they keep their numbers, their files are no longer served.
 */
@Injectable()
export class LocalRecall {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly documents: DocumentStore,
    private readonly copies: DocumentCopyRepository,
    private readonly clock: Clock,
  ) {}

  async recall(
    original: DeliveryEntity,
    revoke: DeliveryEntity,
    reason: string,
    notice = 'Văn bản đã bị cơ quan ban hành thu hồi; nội dung và tệp đã được hủy.',
  ): Promise<void> {
    const now = this.clock.now();
    if (original.incomingEntryId && original.targetAgencyId) {
      const entry = await this.entries.lockForChange(original.targetAgencyId, original.incomingEntryId);
      await this.documents.destroyEntryFiles(entry.id);
      await this.copies.withdrawBySource(entry.agencyId, entry.id, now);
      await this.entries.save(
        entry,
        {
          status: 'recalled',
          subject: notice,
          description: null,
          toPlaces: null,
          returnReason: reason,
          closedAt: now,
        },
        now,
      );
    }
    await this.deliveries.update(revoke.id, {
      state: 'delivered',
      incomingEntryId: original.incomingEntryId,
      updatedAt: now,
    });
    await this.deliveries.addStatus(revoke.id, TAKE_BACK_AGREED, 'Đã thu hồi và hủy văn bản', null, now);
  }
}
