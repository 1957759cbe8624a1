import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { StoredObjectSweeper } from './stored-object-sweeper';

/** A request's claim on the object it stored lives this long at most (uploads and pushes take seconds). */
const GRACE_SECONDS = 60 * 60;
/** After a crash the dead requests' claims are found soon after the restart, not a period later. */
const FIRST_AFTER_MS = 60 * 1000;

/**
 * Background job of every process that stores objects (the server and the hub): releases the
 * claims of requests that died between storing an object and committing (their objects are
 * deleted unless a row or a live request needs them) and removes temporaries of writes that never
 * finished. Every VANTHU_STORAGE_SWEEP_INTERVAL (15 min). Several processes may sweep at once:
 * releases of one key serialise on its lock and a second release finds nothing to do.
 */
@Injectable()
export class StorageSweepWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('storage');
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly sweeper: StoredObjectSweeper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.data.storageSweepIntervalMs;
    this.timers = [
      setTimeout(() => void this.runOnce(), Math.min(FIRST_AFTER_MS, every)),
      setInterval(() => void this.runOnce(), every),
    ];
    for (const timer of this.timers) timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    // the database and storage close after this hook: let a sweep under way finish its release
    await this.running;
  }

  async runOnce(): Promise<void> {
    // one sweep at a time in a process, however short the interval
    if (this.running) return this.running;
    this.running = this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<void> {
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
