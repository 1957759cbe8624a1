import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock, decodeCursor, encodeCursor, type Page } from '@vanthu/shared';
import { vietnamDate } from '../types/vietnam-date';
import { type DeadlineItem, toDeadlineItem } from './deadline-item';
import { type DeadlineFilter, DeadlineRepository } from './deadline.repository';

export interface DeadlineQuery {
  principal: Principal;
  agencyId: string;
  unitId?: string;
  userId?: string;
  limit?: number;
  cursor?: string;
}

export const DEADLINE_DEFAULT_LIMIT = 100;
export const DEADLINE_MAX_LIMIT = 500;

/** One keyset page of open entries by deadline (due date, then id), with the number in the whole list. */
export async function deadlinePage(
  deadlines: DeadlineRepository,
  filter: Omit<DeadlineFilter, 'limit' | 'after'>,
  query: DeadlineQuery,
  today: string,
): Promise<Page<DeadlineItem>> {
  const limit = Math.min(query.limit ?? DEADLINE_DEFAULT_LIMIT, DEADLINE_MAX_LIMIT);
  const after = query.cursor ? decodeCursor(query.cursor, ['date', 'uuid']) : undefined;
  const rows = await deadlines.list({
    ...filter,
    limit: limit + 1,
    after: after && { dueDate: after[0], id: after[1] },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toDeadlineItem(r, today)),
    nextCursor: rows.length > limit ? encodeCursor([last.dueDate!, last.id]) : null,
    total: await deadlines.count(filter),
  };
}

/** Open incoming documents past their deadline (Vietnam date), per unit or person when asked. */
@Injectable()
export class ListOverdueUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeadlineQuery): Promise<Page<DeadlineItem>> {
    authorizeAgency(input.principal, input.agencyId, []);
    const today = vietnamDate(this.clock.now());
    const filter = { agencyId: input.agencyId, before: today, unitId: input.unitId, userId: input.userId };
    return deadlinePage(this.deadlines, filter, input, today);
  }
}
