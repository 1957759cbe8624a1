import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegisterEntryEntity } from '../entries/register-entry.entity';

@Injectable()
export class InboxRepository {
  constructor(private readonly db: Database) {}

  /** Documents delivered to the agency and not yet registered, oldest first (the clerk's queue). */
  listReceived(agencyId: string, limit: number): Promise<RegisterEntryEntity[]> {
    return this.db.manager.find(RegisterEntryEntity, {
      where: { agencyId, direction: 'incoming', status: 'received' },
      order: { arrivalAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }
}
