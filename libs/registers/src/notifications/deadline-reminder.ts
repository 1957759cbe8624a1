import { Injectable } from '@nestjs/common';
import { newId } from '@vanthu/shared';
import { DeadlineRepository } from '../assignments/deadline.repository';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { incomingLabel, vietnameseDate } from '../incoming/incoming-rules';
import { addDays, vietnamDate } from '../types/vietnam-date';
import type { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** Reminders start this many days before the deadline and repeat daily while the entry is overdue. */
export const REMIND_DAYS_BEFORE = 2;

export interface ReminderRun {
  /** Open entries due within the window or overdue. */
  entries: number;
  /** Notifications created by this run (a repeated run on the same day creates none). */
  created: number;
}

/**
 * Reminds the lead handler (the person, or every member of the lead unit) of documents due within
 * two days or overdue. At most one reminder per entry, person and day (`due:<entryId>:<date>`), so
 * the scan can run as often as convenient.
 */
@Injectable()
export class DeadlineReminder {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  async remindDueSoon(now: Date, agencyId?: string): Promise<ReminderRun> {
    const today = vietnamDate(now);
    const entries = await this.deadlines.listLedDueBy(addDays(today, REMIND_DAYS_BEFORE), agencyId);
    let created = 0;
    for (const entry of entries) {
      const members = entry.leadUserId
        ? await this.notifications.membersOf(entry.agencyId, [entry.leadUserId], [])
        : await this.notifications.membersOf(entry.agencyId, [], [entry.leadUnitId!]);
      const overdue = entry.dueDate! < today;
      const rows: NotificationEntity[] = members.map((m) => ({
        id: newId(),
        userId: m.id,
        agencyId: entry.agencyId,
        kind: overdue ? 'deadline_overdue' : 'deadline_due_soon',
        entryId: entry.id,
        title: this.title(entry, overdue),
        dedupeKey: `due:${entry.id}:${today}`,
        createdAt: now,
        readAt: null,
      }));
      created += await this.notifications.insertMany(rows);
    }
    return { entries: entries.length, created };
  }

  private title(entry: RegisterEntryEntity, overdue: boolean): string {
    const due = vietnameseDate(entry.dueDate!);
    const label = incomingLabel(entry);
    return overdue ? `Quá hạn xử lý (hạn ${due}) ${label}` : `Sắp đến hạn xử lý (hạn ${due}) ${label}`;
  }
}
