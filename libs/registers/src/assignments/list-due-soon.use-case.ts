import { Injectable } from '@nestjs/common';
import { authorizeAgency } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { addDays, vietnamDate } from '../types/vietnam-date';
import { type DeadlineItem, toDeadlineItem } from './deadline-item';
import { DeadlineRepository } from './deadline.repository';
import { DEADLINE_MAX_LIMIT, type DeadlineQuery } from './list-overdue.use-case';

export const DUE_SOON_DEFAULT_DAYS = 3;

/** Open incoming documents due today or within the next `days` days (default 3), soonest first. */
@Injectable()
export class ListDueSoonUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeadlineQuery & { days?: number }): Promise<DeadlineItem[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    const today = vietnamDate(this.clock.now());
    const rows = await this.deadlines.list({
      agencyId: input.agencyId,
      from: today,
      until: addDays(today, input.days ?? DUE_SOON_DEFAULT_DAYS),
      unitId: input.unitId,
      userId: input.userId,
      limit: Math.min(input.limit ?? 100, DEADLINE_MAX_LIMIT),
    });
    return rows.map((r) => toDeadlineItem(r, today));
  }
}
