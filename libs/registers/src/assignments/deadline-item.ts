import { type EntryView, toEntryView } from '../entries/entry-view';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';

/** An open entry with its deadline: days left (negative when overdue). */
export interface DeadlineItem extends EntryView {
  daysLeft: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function toDeadlineItem(entry: RegisterEntryEntity, today: string): DeadlineItem {
  return { ...toEntryView(entry), daysLeft: daysBetween(today, entry.dueDate!) };
}
