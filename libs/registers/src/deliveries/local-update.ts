import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import { EntryNoteRepository } from '../entries/entry-note.repository';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';

/** The fields a sender may correct on an issued document (edXML update, BussinessDocType 2). */
export type IssuedCorrections = Partial<
  Pick<RegisterEntryEntity, 'subject' | 'dueDate' | 'toPlaces' | 'description' | 'priority'>
>;

/** An update at a recipient hosted here: its copy gets the corrected fields and a note saying why. */
@Injectable()
export class LocalUpdate {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly notes: EntryNoteRepository,
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
    const now = this.clock.now();
    if (original.incomingEntryId && original.targetAgencyId) {
      const entry = await this.entries.lockForChange(original.targetAgencyId, original.incomingEntryId);
      if (entry.status !== 'recalled' && entry.status !== 'returned') {
        await this.entries.save(entry, changes, now);
        await this.notes.add(
          entry.id,
          actorId,
          'comment',
          `Cơ quan ban hành cập nhật thông tin văn bản: ${reason}`,
          now,
        );
      }
    }
    await this.deliveries.update(update.id, {
      state: 'delivered',
      incomingEntryId: original.incomingEntryId,
      updatedAt: now,
    });
    await this.deliveries.addStatus(update.id, '01', 'Đã nhận thông tin cập nhật', null, now);
  }
}
