import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export interface DataSourceInput {
  url: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM over pg, schema from migrations only (never synchronize). */
export function createDataSource(input: DataSourceInput): DataSource {
  return new DataSource({
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: input.poolSize ?? 10,
      application_name: input.applicationName ?? 'vanthu',
      connectionTimeoutMillis: 10_000,
    },
  });
}
