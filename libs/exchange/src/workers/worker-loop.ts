import { Logger } from '@nestjs/common';
import type { ExchangeSignals, WorkerName } from './exchange-signals';

/**
 * Runs `tick` again at once while it finds work, otherwise after `intervalMs` or when woken. One
 * tick at a time; `stop()` waits for the running one. A failing tick is logged and retried at the
 * next interval: a worker never dies of one bad row or a database restart.
 */
export class WorkerLoop {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly name: WorkerName,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean>,
    private readonly signals: ExchangeSignals,
  ) {
    this.logger = new Logger(`exchange:${name}`);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.signals.on(this.name, () => this.kick());
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs a tick now (or right after the running one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.kick();
      } else {
        this.timer = setTimeout(() => this.kick(), this.intervalMs);
        this.timer.unref();
      }
    });
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.tick())) this.again = false;
    } catch (error) {
      this.logger.error(`${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
