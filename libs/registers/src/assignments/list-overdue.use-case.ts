import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { vietnamDate } from '../types/vietnam-date';
import { type DeadlineItem, toDeadlineItem } from './deadline-item';
import { DeadlineRepository } from './deadline.repository';

export interface DeadlineQuery {
  principal: Principal;
  agencyId: string;
  unitId?: string;
  userId?: string;
  limit?: number;
}

export const DEADLINE_MAX_LIMIT = 500;

/** Open incoming documents past their deadline (Vietnam date), per unit or person when asked. */
@Injectable()
export class ListOverdueUseCase {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: DeadlineQuery): Promise<DeadlineItem[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    const today = vietnamDate(this.clock.now());
    const rows = await this.deadlines.list({
      agencyId: input.agencyId,
      before: today,
      unitId: input.unitId,
      userId: input.userId,
      limit: Math.min(input.limit ?? 100, DEADLINE_MAX_LIMIT),
    });
    return rows.map((r) => toDeadlineItem(r, today));
  }
}
