import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { RegisterEntryEntity } from './register-entry.entity';

/** Read-only lookups for the entry detail page. */
@Injectable()
export class EntryDetailsRepository {
  constructor(private readonly db: Database) {}

  assignments(entryId: string): Promise<AssignmentEntity[]> {
    return this.db.manager.find(AssignmentEntity, {
      where: { entryId },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Incoming replies (of this agency) to one of its outgoing documents. */
  replies(agencyId: string, entryId: string): Promise<RegisterEntryEntity[]> {
    return this.db.manager.find(RegisterEntryEntity, {
      where: { agencyId, replyToEntryId: entryId, direction: 'incoming' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
