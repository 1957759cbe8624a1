import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { RegisterEntryEntity } from './register-entry.entity';

/** Read-only lookups for the entry detail page. */
@Injectable()
export class EntryDetailsRepository {
  constructor(private readonly db: Database) {}

  /** Every assignment of the entry (open and completed): lead first, then co-operating, then information. */
  assignments(entryId: string): Promise<AssignmentEntity[]> {
    return this.db.manager
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.entry_id = :entryId', { entryId })
      .orderBy(`CASE a.role WHEN 'lead' THEN 0 WHEN 'cooperate' THEN 1 ELSE 2 END`)
      .addOrderBy('a.assigned_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /** Incoming replies (of this agency) to one of its outgoing documents. */
  replies(agencyId: string, entryId: string): Promise<RegisterEntryEntity[]> {
    return this.db.manager.find(RegisterEntryEntity, {
      where: { agencyId, replyToEntryId: entryId, direction: 'incoming' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
