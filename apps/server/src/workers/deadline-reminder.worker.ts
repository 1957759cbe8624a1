import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeadlineReminder } from '@vanthu/registers';
import { Clock } from '@vanthu/shared';

/** Hourly: reminders are idempotent per person, entry and day, so the period only sets latency. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Background job of the server process: notifies the lead handlers of entries due within two days
 * or overdue. The first run waits one period so that starting the server stays quick.
 */
@Injectable()
export class DeadlineReminderWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deadlines');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly reminder: DeadlineReminder,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async runOnce(): Promise<void> {
    try {
      const run = await this.reminder.remindDueSoon(this.clock.now());
      if (run.created > 0)
        this.logger.log(`deadline reminders: ${run.created} new for ${run.entries} entries`);
    } catch (error) {
      this.logger.error(
        `deadline reminders failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
