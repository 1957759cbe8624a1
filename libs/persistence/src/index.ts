export { BIGINT_AS_NUMBER } from './column-transformers';
export { Database } from './database';
export { insertRows } from './insert-rows';
export type { QueryRows } from './prepared-query';
export { DatabaseRuntime, type OpenDatabaseInput } from './database-runtime';
export { createDataSource, type DataSourceInput } from './data-source-factory';
export { registerConstraintErrors, translateDatabaseError } from './database-errors';
export { EmbeddedPostgresServer, type EmbeddedPostgresOptions } from './embedded/embedded-postgres-server';
export { MIGRATIONS } from './migrations';
export { PersistenceModule } from './persistence.module';
export {
  DatabaseSnapshot,
  type SequenceValue,
  type StorageReference,
  type TableShape,
} from './backup/database-snapshot';
export { DatabaseLoader } from './backup/database-loader';
