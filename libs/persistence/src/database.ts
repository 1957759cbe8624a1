import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { AutonomousPool } from './autonomous-pool';
import { GroupCommit } from './group-commit';
import { preparedQuery, type QueryRows } from './prepared-query';

type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * The one way code reaches the database. `transaction()` opens a transaction and makes its
 * EntityManager the ambient one for everything awaited inside, so a use case can call several
 * repositories and the audit log and have them commit or roll back together without threading a
 * manager through every call. Nested calls join the outer transaction.
 */
export class Database {
  private readonly ambient = new AsyncLocalStorage<EntityManager>();
  private readonly commitHooks = new WeakMap<EntityManager, (() => Promise<void>)[]>();
  private readonly rollbackHooks = new WeakMap<EntityManager, (() => Promise<void>)[]>();
  private readonly committedHooks = new WeakMap<EntityManager, (() => void)[]>();
  private readonly states = new WeakMap<EntityManager, Map<object, unknown>>();
  private readonly autonomousPool: AutonomousPool;
  private readonly groups = new GroupCommit((body) =>
    this.run(undefined, async (manager) => {
      await body((fn) => this.ambient.run(manager, fn));
      await this.ambient.run(manager, () => this.runCommitHooks(manager));
    }),
  );

  constructor(readonly dataSource: DataSource) {
    this.autonomousPool = new AutonomousPool(dataSource);
  }

  /** The transaction's manager inside `transaction()`, else the pool's. */
  get manager(): EntityManager {
    return this.ambient.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  /**
   * Runs `text` as a named statement, in the current transaction if there is one: PostgreSQL
   * parses and plans it once per connection instead of on every call. For the statements every
   * request or batch sends (session lookup, numbering, audit), with texts from a fixed set.
   */
  prepared<R>(text: string, params: readonly unknown[]): Promise<QueryRows<R>> {
    return preparedQuery<R>(this.manager, text, params);
  }

  /**
   * Runs `fn` outside the current transaction's context: for work started from inside a transaction
   * that must outlive it (a background worker woken by a commit hook), which would otherwise inherit
   * the transaction's manager after it was released.
   */
  outsideTransaction<T>(fn: () => T): T {
    return this.ambient.exit(fn);
  }

  /**
   * Runs one statement in a transaction of its own, committed when it returns, even inside
   * `transaction()` (whose rollback does not undo it): for a record that must be durable and
   * visible to others before the caller's transaction ends (a claim on a stored object). It runs on
   * a small pool of its own, so a caller holding a connection of the main pool never waits for
   * another one of it.
   */
  autonomous<R>(text: string, params: readonly unknown[]): Promise<QueryRows<R>> {
    return this.autonomousPool.query<R>(text, params);
  }

  async transaction<T>(work: () => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    if (this.inTransaction) return work();
    return this.run(isolation, (manager) =>
      this.ambient.run(manager, async () => {
        const result = await work();
        await this.runCommitHooks(manager);
        return result;
      }),
    );
  }

  /**
   * Runs `hook` in the current transaction just before it commits (never if it rolls back), after
   * all of the transaction's work: for writes to a row that every transaction of a kind locks (an
   * audit chain's head), so the lock is held for the commit alone. A failing hook rolls back.
   */
  beforeCommit(hook: () => Promise<void>): void {
    const manager = this.ambient.getStore();
    if (!manager) throw new Error('beforeCommit() needs an open transaction');
    const hooks = this.commitHooks.get(manager);
    if (hooks) hooks.push(hook);
    else this.commitHooks.set(manager, [hook]);
  }

  /**
   * Runs `hook` once the current transaction has rolled back (never if it commits), outside any
   * transaction and before the rollback's error reaches the caller: for undoing effects outside the
   * database (objects written to storage). A hook that fails does not hide the original error; it
   * must leave what it could not undo to a later sweep.
   */
  afterRollback(hook: () => Promise<void>): void {
    const manager = this.ambient.getStore();
    if (!manager) throw new Error('afterRollback() needs an open transaction');
    const hooks = this.rollbackHooks.get(manager);
    if (hooks) hooks.push(hook);
    else this.rollbackHooks.set(manager, [hook]);
  }

  /**
   * Runs `hook` once the current transaction has committed (never if it rolls back), outside any
   * transaction: for telling work in this process that rows it looks for are now visible (a worker
   * woken before the commit could look too early and sleep until its next poll). A hook that
   * throws is ignored: the commit has happened.
   */
  afterCommit(hook: () => void): void {
    const manager = this.ambient.getStore();
    if (!manager) throw new Error('afterCommit() needs an open transaction');
    const hooks = this.committedHooks.get(manager);
    if (hooks) hooks.push(hook);
    else this.committedHooks.set(manager, [hook]);
  }

  /**
   * State that lives exactly as long as the current transaction: `create` runs the first time
   * `owner` asks within a transaction, later asks in the same transaction get the same object, and
   * a new transaction (a retry after a rollback included) starts from scratch.
   */
  transactionState<T>(owner: object, create: () => T): T {
    const manager = this.ambient.getStore();
    if (!manager) throw new Error('transactionState() needs an open transaction');
    let states = this.states.get(manager);
    if (!states) this.states.set(manager, (states = new Map()));
    if (!states.has(owner)) states.set(owner, create());
    return states.get(owner) as T;
  }

  /**
   * A transaction shared with the other works of the same `key` that queued while the key's
   * previous transaction ran (group commit, see GroupCommit): for works that all lock the same row.
   * `work` may run more than once, so it must keep its effects inside the transaction. Inside an
   * open transaction it simply joins it.
   */
  async groupTransaction<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.groups.run(key, work);
  }

  /** One transaction of the main pool; the rollback hooks run when it fails. */
  private async run<T>(
    isolation: IsolationLevel | undefined,
    body: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    let manager: EntityManager | undefined;
    const enter = (m: EntityManager) => {
      manager = m;
      return body(m);
    };
    try {
      // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip
      const result =
        isolation === undefined || isolation === 'READ COMMITTED'
          ? await this.dataSource.transaction(enter)
          : await this.dataSource.transaction(isolation, enter);
      for (const hook of (manager && this.committedHooks.get(manager)) ?? [])
        try {
          hook();
        } catch {
          // committed: nothing to undo
        }
      return result;
    } catch (error) {
      const hooks = manager ? this.rollbackHooks.get(manager) : undefined;
      for (const hook of hooks ?? []) await hook().catch(() => undefined);
      throw error;
    }
  }

  private async runCommitHooks(manager: EntityManager): Promise<void> {
    const hooks = this.commitHooks.get(manager);
    // a hook may add another (an audit record written by a hook): run until none are left
    while (hooks && hooks.length > 0) await hooks.shift()!();
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** Closes the connections of `autonomous()`; the DataSource's own pool is its owner's to close. */
  async close(): Promise<void> {
    await this.autonomousPool.close();
  }
}
