/**
 * Runs tasks with the same key one after another, in arrival order, inside this process. Used in
 * front of a database row lock that every task of the key will wait for anyway (a register's
 * series): waiting here instead of inside an open transaction keeps the connection pool free for
 * everyone else. The database lock still guards against other processes.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
