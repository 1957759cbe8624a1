import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import type { SelectQueryBuilder } from 'typeorm';
import { RegisterEntryEntity } from '../entries/register-entry.entity';

export interface DeadlineFilter {
  agencyId: string;
  /** Due on or after this date (`YYYY-MM-DD`), when given. */
  from?: string;
  /** Due on or before this date. */
  until?: string;
  /** Due strictly before this date (overdue). */
  before?: string;
  /** Handled by this unit (lead or co-operating). */
  unitId?: string;
  /** Handled by this person, named directly (lead or co-operating). */
  userId?: string;
  limit: number;
  /** Keyset position of the previous page's last row: its due date and id. */
  after?: { dueDate: string; id: string };
}

/**
 * Open incoming entries by deadline. The status list and `due_date IS NOT NULL` are written as
 * literals matching the predicate of the partial index `ix_register_entry_open_due`, so PostgreSQL
 * can use it.
 */
@Injectable()
export class DeadlineRepository {
  constructor(private readonly db: Database) {}

  list(filter: DeadlineFilter): Promise<RegisterEntryEntity[]> {
    const q = this.filtered(filter);
    if (filter.after) {
      q.andWhere('(e.due_date, e.id) > (:afterDate, :afterId)', {
        afterDate: filter.after.dueDate,
        afterId: filter.after.id,
      });
    }
    return q.orderBy('e.due_date', 'ASC').addOrderBy('e.id', 'ASC').take(filter.limit).getMany();
  }

  count(filter: Omit<DeadlineFilter, 'limit' | 'after'>): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(filter: Omit<DeadlineFilter, 'limit' | 'after'>): SelectQueryBuilder<RegisterEntryEntity> {
    const q = this.open(filter.agencyId);
    if (filter.from) q.andWhere('e.due_date >= :from', { from: filter.from });
    if (filter.until) q.andWhere('e.due_date <= :until', { until: filter.until });
    if (filter.before) q.andWhere('e.due_date < :before', { before: filter.before });
    if (filter.unitId)
      q.andWhere(
        `(e.lead_unit_id = :unitId OR EXISTS (SELECT 1 FROM assignment a WHERE a.entry_id = e.id
            AND a.completed_at IS NULL AND a.role IN ('lead', 'cooperate') AND a.unit_id = :unitId))`,
        { unitId: filter.unitId },
      );
    if (filter.userId)
      q.andWhere(
        `(e.lead_user_id = :userId OR EXISTS (SELECT 1 FROM assignment a WHERE a.entry_id = e.id
            AND a.completed_at IS NULL AND a.role IN ('lead', 'cooperate') AND a.user_id = :userId))`,
        { userId: filter.userId },
      );
    return q;
  }

  /** Open entries with a lead handler due on or before `until`, across agencies unless one is named. */
  listLedDueBy(until: string, agencyId?: string): Promise<RegisterEntryEntity[]> {
    const q = agencyId ? this.open(agencyId) : this.openAnywhere();
    return q
      .andWhere('e.due_date <= :until', { until })
      .andWhere('(e.lead_user_id IS NOT NULL OR e.lead_unit_id IS NOT NULL)')
      .orderBy('e.due_date', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  private open(agencyId: string): SelectQueryBuilder<RegisterEntryEntity> {
    return this.openAnywhere().andWhere('e.agency_id = :agencyId', { agencyId });
  }

  private openAnywhere(): SelectQueryBuilder<RegisterEntryEntity> {
    return this.db.manager
      .createQueryBuilder(RegisterEntryEntity, 'e')
      .where(`e.direction = 'incoming'`)
      .andWhere(`e.due_date IS NOT NULL AND e.status IN ('registered', 'assigned', 'in_progress')`);
  }
}
