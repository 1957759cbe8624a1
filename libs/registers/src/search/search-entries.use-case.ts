import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { type EntryView, toEntryView } from '../entries/entry-view';
import type { EntryDirection, EntryStatus, Priority } from '../entries/register-entry.entity';
import { toPrefixTsQuery } from '../entries/search-text';
import { vietnamDate } from '../types/vietnam-date';
import { decodeEntryCursor, encodeEntryCursor } from './entry-cursor';
import type { EntrySearchCriteria } from './entry-search-criteria';
import { EntrySearchRepository } from './entry-search.repository';

export const ENTRY_SEARCH_DEFAULT_LIMIT = 20;
export const ENTRY_SEARCH_MAX_LIMIT = 100;

export interface SearchEntriesInput {
  principal: Principal;
  agencyId: string;
  /** Words, without diacritics or case mattering; the last one may be a prefix. */
  q?: string;
  direction?: EntryDirection;
  registerId?: string;
  /** The register year: entries dated in that year (numbers are taken in the year of their date). */
  year?: number;
  from?: string;
  to?: string;
  type?: string;
  status?: readonly EntryStatus[];
  priority?: Priority;
  unitId?: string;
  assigneeId?: string;
  /** true: only documents past their deadline and still being handled; false or absent: no filter. */
  overdue?: boolean;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * One page of the listing order. There is no total count on purpose: counting every match of a
 * common word over a million entries reads all of them (hundreds of milliseconds on each page),
 * while a page stops after `limit + 1` rows.
 */
export interface EntryPage {
  items: EntryView[];
  /** Present when more entries follow. */
  nextCursor: string | null;
}

/**
 * Searches an agency's register entries, incoming and outgoing, newest first (entry date, then
 * id), with keyset pagination: the cursor is the last row's position, so rows added or changed
 * between pages never repeat or shift a page. Any role in the agency may search it.
 */
@Injectable()
export class SearchEntriesUseCase {
  constructor(
    private readonly entries: EntrySearchRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: SearchEntriesInput): Promise<EntryPage> {
    authorizeAgency(input.principal, input.agencyId, []);
    const limit = Math.min(
      Math.max(Math.trunc(input.limit ?? ENTRY_SEARCH_DEFAULT_LIMIT), 1),
      ENTRY_SEARCH_MAX_LIMIT,
    );
    const after = input.cursor ? decodeEntryCursor(input.cursor) : undefined;
    const { from, to } = dateRange(input);
    if (from && to && from > to) return { items: [], nextCursor: null };
    const q = input.q?.trim() ?? '';
    const tsQuery = q ? toPrefixTsQuery(q) : null;
    // "*", "%" or an emoji: words were asked for and none can match, so nothing does
    if (q && tsQuery === null) return { items: [], nextCursor: null };
    const criteria: EntrySearchCriteria = {
      agencyId: input.agencyId,
      tsQuery,
      direction: input.direction,
      registerId: input.registerId,
      typeCode: input.type,
      statuses: input.status,
      priority: input.priority,
      unitId: input.unitId,
      assigneeId: input.assigneeId,
      from,
      to,
      overdueOn: input.overdue ? vietnamDate(this.clock.now()) : undefined,
      after,
      limit: limit + 1,
    };
    const rows = await this.entries.search(criteria);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toEntryView),
      nextCursor: rows.length > limit ? encodeEntryCursor({ entryDate: last.entryDate, id: last.id }) : null,
    };
  }
}

/** The year and the explicit from/to together: the narrower bound of each side wins. */
function dateRange(input: SearchEntriesInput): { from?: string; to?: string } {
  const bounds = input.year ? { from: `${input.year}-01-01`, to: `${input.year}-12-31` } : {};
  const later = (a?: string, b?: string) => (a && b ? (a > b ? a : b) : (a ?? b));
  const earlier = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
  return { from: later(bounds.from, input.from), to: earlier(bounds.to, input.to) };
}
