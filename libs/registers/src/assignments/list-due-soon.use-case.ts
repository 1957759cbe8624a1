import { Injectable } from '@nestjs/common';
import { authorizeAgency } from '@vanthu/identity';
import { Clock, type Page } from '@vanthu/shared';
import { addDays, vietnamDate } from '../types/vietnam-date';
import type { DeadlineItem } from './deadline-item';
import { DeadlineRepository } from './deadline.repository';
import { deadlinePage, type DeadlineQuery } from './list-overdue.use-case';

export const DUE_SOON_DEFAULT_DAYS = 3;

/** Open incoming documents due today or within the next `days` days (default 3), soonest first. */
@Injectable()
export class ListDueSoonUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeadlineQuery & { days?: number }): Promise<Page<DeadlineItem>> {
    authorizeAgency(input.principal, input.agencyId, []);
    const today = vietnamDate(this.clock.now());
    const filter = {
      agencyId: input.agencyId,
      from: today,
      until: addDays(today, input.days ?? DUE_SOON_DEFAULT_DAYS),
      unitId: input.unitId,
      userId: input.userId,
    };
    return deadlinePage(this.deadlines, filter, input, today);
  }
}
