import { isUuid } from '@vanthu/shared';
import { isCalendarDate } from '../incoming/incoming-metadata';
import { RegistersErrors } from '../registers.errors';
import type { EntryPosition } from './entry-search-criteria';

const CURSOR = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/;

/** The opaque `nextCursor`: the last row's (entry date, id), base64url. */
export function encodeEntryCursor(position: EntryPosition): string {
  return Buffer.from(`${position.entryDate}|${position.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; anything that is not one we made answers SEARCH_CURSOR_INVALID (400). */
export function decodeEntryCursor(cursor: string): EntryPosition {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !isUuid(match[2]) || !isCalendarDate(match[1])) throw RegistersErrors.searchCursorInvalid();
  return { entryDate: match[1], id: match[2].toLowerCase() };
}
