import { AsyncLocalStorage } from 'node:async_hooks';

/** Runs `body` in one transaction; `enter(fn)` runs fn with that transaction as the ambient one. */
export type BatchTransaction = (body: (enter: <R>(fn: () => R) => R) => Promise<void>) => Promise<void>;

interface Waiting {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** The caller's async context (request id, user) to run its work in. */
  restore: <R>(fn: () => R) => R;
}

interface Failure {
  /** Tasks before the failed one: they ran fine and run again, alone, in a new transaction. */
  before: Waiting[];
  /** Tasks after it: they never ran and go back to the head of the queue. */
  after: Waiting[];
}

/**
 * Group commit, inside this process, for work that serialises on one database row anyway (the
 * register row that hands out a series' numbers): while one transaction of a key runs, the key's
 * next tasks wait here, and the next transaction runs all of them one after another and commits
 * once. Each task still sees exactly the database state its predecessors left, so it may take a
 * number and rely on it; what is saved is a commit (a WAL flush) and a row-lock hand-over per
 * task, which is what limits a series to ~200 numbers/s when every issue commits alone.
 *
 * A task that throws is answered with its own error and the shared transaction rolls back, so
 * nothing it wrote (its number included) survives; the tasks that ran before it run again in a
 * new transaction, the ones after it go back to the head of the queue. A task may therefore run
 * more than once and must not have effects outside the transaction other than idempotent ones
 * (content-addressed file writes). A failed COMMIT answers every task of the batch with its error.
 */
export class GroupCommit {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(
    private readonly transaction: BatchTransaction,
    private readonly maxBatch = 64,
  ) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task: Waiting = {
        work,
        resolve: resolve as (value: unknown) => void,
        reject,
        restore: AsyncLocalStorage.snapshot(),
      };
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(task);
        return;
      }
      this.queues.set(key, [task]);
      void this.drain(key);
    });
  }

  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length > 0) {
      let batch = queue.splice(0, this.maxBatch);
      for (;;) {
        const failure = await this.commit(batch);
        if (!failure) break;
        queue.unshift(...failure.after);
        if (failure.before.length === 0) break;
        batch = failure.before;
      }
      // Let the callers answered by this commit come back before deciding what runs next: work they
      // submit straight away joins the next batch instead of making a batch of its own behind it.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.queues.delete(key);
  }

  /** Runs the batch in one transaction and answers its tasks; undefined when all are answered. */
  private async commit(batch: Waiting[]): Promise<Failure | undefined> {
    const results: unknown[] = [];
    let failedAt = -1;
    let failure: unknown;
    try {
      await this.transaction(async (enter) => {
        for (const task of batch) {
          try {
            results.push(await task.restore(() => enter(task.work)));
          } catch (error) {
            failedAt = results.length;
            failure = error;
            throw error;
          }
        }
      });
    } catch (error) {
      if (failedAt < 0) {
        for (const task of batch) task.reject(error);
        return undefined;
      }
      batch[failedAt].reject(failure);
      return { before: batch.slice(0, failedAt), after: batch.slice(failedAt + 1) };
    }
    batch.forEach((task, i) => task.resolve(results[i]));
    return undefined;
  }
}
