import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { DeadlineReminder, type ReminderRun } from './deadline-reminder';

/** An administrator runs the deadline reminders of their agency now (the scheduler does it for all). */
@Injectable()
export class ScanDeadlinesUseCase {
  constructor(
    private readonly reminder: DeadlineReminder,
    private readonly clock: Clock,
  ) {}

  execute(input: { principal: Principal; agencyId: string }): Promise<ReminderRun> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    return this.reminder.remindDueSoon(this.clock.now(), input.agencyId);
  }
}
