import { cursorInvalid, decodeCursor, encodeCursor, type Page } from '@vanthu/shared';

/**
 * A page of a list its use case returns whole (short reference lists: units, users, certificates,
 * document types), so every list of the API pages the same way. The cursor is the key of the page's
 * last item and the next page starts after it in the same order; `total` is the whole list's length.
 */
export function pageInMemory<T>(
  all: readonly T[],
  query: { limit?: number; cursor?: string },
  options: { defaultLimit: number; key: (item: T) => string },
): Page<T> {
  const limit = query.limit ?? options.defaultLimit;
  let start = 0;
  if (query.cursor) {
    const [after] = decodeCursor(query.cursor, ['text']);
    const at = all.findIndex((item) => options.key(item) === after);
    if (at < 0) throw cursorInvalid();
    start = at + 1;
  }
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    items,
    nextCursor: more ? encodeCursor([options.key(items[items.length - 1])]) : null,
    total: all.length,
  };
}

/** Lists of records with an `id`, paged by it (100 a page unless asked). */
export const BY_ID = { defaultLimit: 100, key: (item: { id: string }) => item.id };
