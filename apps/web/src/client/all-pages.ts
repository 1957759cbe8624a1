import type { Page } from './types';

/** Enough for any reference list of one agency; (20,000 items at 500 a page). */
const MAX_PAGES = 40;

/**
 * A short reference list (users, units, document types, certificates) read whole by following
 * `nextCursor` page after page, so a list longer than one page is never silently cut to its
 * first page. Long lists (entries, audit, directory) page in the UI instead.
 */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n += 1) {
    const answer = await page(cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) return items;
    cursor = answer.nextCursor;
  }
  return items;
}
