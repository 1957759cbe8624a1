import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

/**
 * Held mailbox polls of this process (docs/exchange.md "Long poll"): a poll that found nothing
 * waits here until an item for its peer is committed by this process, its time is up, its caller
 * went away, or the process shuts down. Items committed by another process over the same database
 * are found by the poll's own re-check (ExchangeMailboxService). Each peer has a generation
 * counter: a poll reads it before its query and waits only if nothing arrived since, so an item
 * committed between the query and the wait is never missed.
 */
@Injectable()
export class MailboxWaiters implements BeforeApplicationShutdown {
  private readonly generations = new Map<string, number>();
  private readonly waiting = new Map<string, Set<() => void>>();
  private closing = false;

  constructor(private readonly db: Database) {}

  get shuttingDown(): boolean {
    return this.closing;
  }

  generation(peerId: string): number {
    return this.generations.get(peerId) ?? 0;
  }

  /** An item for `peerId` is queued: wakes its polls once the current transaction has committed. */
  arrived(peerId: string): void {
    if (!this.db.inTransaction) return this.wake(peerId);
    this.db.afterCommit(() => this.wake(peerId));
  }

  /** Resolves when an item arrives after `generation`, after `ms`, on `signal`, or at shutdown. */
  wait(peerId: string, generation: number, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.closing || signal?.aborted || this.generation(peerId) !== generation) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let set = this.waiting.get(peerId);
      if (!set) this.waiting.set(peerId, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiting.get(peerId) === set) this.waiting.delete(peerId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** Before the HTTP server closes: every held poll answers now (with what it has: nothing). */
  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const set of this.waiting.values()) for (const done of [...set]) done();
  }

  private wake(peerId: string): void {
    this.generations.set(peerId, this.generation(peerId) + 1);
    for (const done of [...(this.waiting.get(peerId) ?? [])]) done();
  }
}
