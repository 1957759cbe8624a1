/** What a batch writer says of one item: its answer, its error, or "try me in the next batch". */
export type BatchOutcome<O> = { value: O } | { error: unknown } | { again: true };

interface Queued<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Turns one-at-a-time submissions into batches: while a batch is being written, the items
 * submitted meanwhile wait, and the next write takes all of them (up to `maxBatch`). Under no load
 * a batch is a single item written at once; under load batches grow by themselves, so fixed
 * per-batch costs (a transaction, a commit, one statement per table) are shared.
 *
 * `write` answers every item of its batch. An item answered `again` goes to the front of the
 * queue for the next batch (for an item that must see an earlier item of its batch committed);
 * the first item of a batch may not be put off, so every batch makes progress. A `write` that
 * throws rejects every item of its batch.
 */
export class Batcher<I, O> {
  private queue: Queued<I, O>[] = [];
  private writing = false;

  constructor(
    private readonly write: (items: readonly I[]) => Promise<BatchOutcome<O>[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        const again = await this.writeBatch(batch);
        this.queue.unshift(...again);
      }
    } finally {
      this.writing = false;
    }
  }

  /** Writes one batch, answers its items and returns those to write again. */
  private async writeBatch(batch: Queued<I, O>[]): Promise<Queued<I, O>[]> {
    let outcomes: BatchOutcome<O>[];
    try {
      outcomes = await this.write(batch.map((queued) => queued.item));
      if (outcomes.length !== batch.length)
        throw new Error(`batch writer answered ${outcomes.length} of ${batch.length} items`);
      // the first item always gets an answer, so every batch makes progress
      if ('again' in outcomes[0]) throw new Error('batch writer put off the first item of a batch');
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return [];
    }
    const again: Queued<I, O>[] = [];
    outcomes.forEach((outcome, i) => {
      if ('value' in outcome) batch[i].resolve(outcome.value);
      else if ('error' in outcome) batch[i].reject(outcome.error);
      else again.push(batch[i]);
    });
    return again;
  }
}
