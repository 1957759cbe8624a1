import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * The one way code reaches the database. `transaction()` opens a transaction and makes its
 * EntityManager the ambient one for everything awaited inside, so a use case can call several
 * repositories and the audit log and have them commit or roll back together without threading a
 * manager through every call. Nested calls join the outer transaction.
 */
export class Database {
  private readonly ambient = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  /** The transaction's manager inside `transaction()`, else the pool's. */
  get manager(): EntityManager {
    return this.ambient.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  async transaction<T>(work: () => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    if (this.inTransaction) return work();
    // READ COMMITTED is PostgreSQL's default: naming it would cost a SET TRANSACTION round trip
    if (isolation === 'READ COMMITTED')
      return this.dataSource.transaction((manager) => this.ambient.run(manager, work));
    return this.dataSource.transaction(isolation, (manager) => this.ambient.run(manager, work));
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
