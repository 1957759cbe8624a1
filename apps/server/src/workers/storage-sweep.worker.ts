import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { StoredObjectSweeper } from '@vanthu/documents';

/** A request's claim on the file it stored lives this long at most (uploads take seconds). */
const GRACE_SECONDS = 60 * 60;
const EVERY_MS = 15 * 60 * 1000;
/** After a crash the dead requests' claims are found soon after the restart, not a period later. */
const FIRST_AFTER_MS = 60 * 1000;

/**
 * Background job of the server process: releases the claims of requests that died between
 * storing a file and committing (their objects are deleted unless a row or a live request needs
 * them) and removes temporaries of writes that never finished. Several server processes may sweep
 * at once: releases of one key serialise on its lock and a second release finds nothing to do.
 */
@Injectable()
export class StorageSweepWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('storage');
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly sweeper: StoredObjectSweeper) {}

  onApplicationBootstrap(): void {
    this.timers = [
      setTimeout(() => void this.runOnce(), FIRST_AFTER_MS),
      setInterval(() => void this.runOnce(), EVERY_MS),
    ];
    for (const timer of this.timers) timer.unref();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  async runOnce(): Promise<void> {
    try {
      const run = await this.sweeper.sweep(GRACE_SECONDS);
      if (run.released > 0 || run.incompleteWrites > 0)
        this.logger.log(
          `storage sweep: ${run.released} abandoned claims released, ${run.deleted} objects deleted, ${run.incompleteWrites} incomplete writes removed`,
        );
    } catch (error) {
      this.logger.error(`storage sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
