import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

export type WorkerName = 'build' | 'send' | 'process' | 'poll';

/**
 * Wakes this process's workers when there is work for them (a delivery written, a package queued or
 * received), so that they need not wait for their next poll. Other processes find the work at
 * their next poll interval.
 */
@Injectable()
export class ExchangeSignals {
  private readonly listeners = new Map<WorkerName, Set<() => void>>();

  constructor(private readonly db: Database) {}

  on(name: WorkerName, listener: () => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  wake(name: WorkerName): void {
    // a worker woken from inside a transaction must not run in its (soon released) context
    for (const listener of this.listeners.get(name) ?? []) this.db.outsideTransaction(listener);
  }

  /** Wakes once the current transaction has committed (the row is visible), or now outside one. */
  afterCommit(name: WorkerName): void {
    if (!this.db.inTransaction) return this.wake(name);
    // after COMMIT has returned: a worker woken earlier could look before the row is visible and
    // sleep until its next poll
    this.db.afterCommit(() => this.wake(name));
  }
}
