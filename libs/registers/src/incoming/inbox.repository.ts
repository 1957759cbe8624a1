import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegisterEntryEntity } from '../entries/register-entry.entity';

/** A place in the inbox's order: arrival (or creation) time, then id. */
export interface InboxPosition {
  at: Date;
  id: string;
}

/**
 * The inbox's order: arrival (or creation) time to the millisecond, as a JavaScript Date holds it
 * (a cursor made from a microsecond timestamp read back as milliseconds would repeat its row).
 */
const ARRIVED = `date_trunc('milliseconds', COALESCE(e.arrival_at, e.created_at))`;

/** Received and not yet registered (the clerk's queue). */
const WAITING = `e.agency_id = :agencyId AND e.direction = 'incoming' AND e.status = 'received'`;

@Injectable()
export class InboxRepository {
  constructor(private readonly db: Database) {}

  /** Documents delivered to the agency and not yet registered, oldest first, after `after`. */
  listReceived(agencyId: string, limit: number, after?: InboxPosition): Promise<RegisterEntryEntity[]> {
    const q = this.db.manager.createQueryBuilder(RegisterEntryEntity, 'e').where(WAITING, { agencyId });
    if (after) {
      q.andWhere(`(${ARRIVED}, e.id) > (:at, :id)`, { at: after.at, id: after.id });
    }
    return q.orderBy(ARRIVED, 'ASC').addOrderBy('e.id', 'ASC').limit(limit).getMany();
  }

  countReceived(agencyId: string): Promise<number> {
    return this.db.manager
      .createQueryBuilder(RegisterEntryEntity, 'e')
      .where(WAITING, { agencyId })
      .getCount();
  }
}
