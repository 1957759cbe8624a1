import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { newId } from '@vanthu/shared';
import { DeliveryStatusEntity } from './delivery-status.entity';
import { DeliveryEntity } from './delivery.entity';
import { EntryRecipientEntity } from './entry-recipient.entity';

@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: Database) {}

  async insertRecipients(rows: EntryRecipientEntity[]): Promise<void> {
    if (rows.length > 0) await this.db.manager.insert(EntryRecipientEntity, rows);
  }

  async replaceRecipients(entryId: string, rows: EntryRecipientEntity[]): Promise<void> {
    await this.db.manager.delete(EntryRecipientEntity, { entryId });
    await this.insertRecipients(rows);
  }

  listRecipients(entryId: string): Promise<EntryRecipientEntity[]> {
    return this.db.manager.find(EntryRecipientEntity, { where: { entryId }, order: { position: 'ASC' } });
  }

  async insert(row: DeliveryEntity): Promise<void> {
    await this.db.manager.insert(DeliveryEntity, row);
  }

  listByEntry(entryId: string): Promise<DeliveryEntity[]> {
    return this.db.manager.find(DeliveryEntity, {
      where: { entryId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findById(id: string): Promise<DeliveryEntity | null> {
    return this.db.manager.findOneBy(DeliveryEntity, { id });
  }

  async update(id: string, changes: Partial<DeliveryEntity>): Promise<void> {
    await this.db.manager.update(DeliveryEntity, { id }, changes);
  }

  async addStatus(
    deliveryId: string,
    code: string,
    description: string | null,
    staffName: string | null,
    at: Date,
  ): Promise<void> {
    await this.db.manager.insert(DeliveryStatusEntity, {
      id: newId(),
      deliveryId,
      code,
      description,
      staffName,
      at,
    });
    await this.db.manager.update(
      DeliveryEntity,
      { id: deliveryId },
      { statusCode: code, statusDescription: description, statusAt: at, updatedAt: at },
    );
  }

  /** A status kept in the history without becoming the delivery's current one (it came late). */
  async insertStatusHistory(
    deliveryId: string,
    code: string,
    description: string | null,
    staffName: string | null,
    at: Date,
  ): Promise<void> {
    await this.db.manager.insert(DeliveryStatusEntity, {
      id: newId(),
      deliveryId,
      code,
      description,
      staffName,
      at,
    });
  }

  listStatuses(deliveryIds: string[]): Promise<DeliveryStatusEntity[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db.manager.find(DeliveryStatusEntity, {
      where: deliveryIds.map((deliveryId) => ({ deliveryId })),
      order: { at: 'ASC' },
    });
  }
}
