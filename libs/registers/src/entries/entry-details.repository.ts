import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { AssignmentEntity } from '../assignments/assignment.entity';

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
}
