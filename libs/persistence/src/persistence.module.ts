import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { DataSource } from 'typeorm';
import type { DataSourceInput } from './data-source-factory';
import { Database } from './database';
import { DatabaseRuntime } from './database-runtime';

const RUNTIME = Symbol('DATABASE_RUNTIME');

@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(@Inject(RUNTIME) private readonly runtime: DatabaseRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}

/** Provides Database (and the raw DataSource for repositories) to the whole application. */
@Module({})
export class PersistenceModule {
  static forRoot(options: {
    entities: DataSourceInput['entities'];
    log?: (message: string) => void;
  }): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        {
          provide: RUNTIME,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            DatabaseRuntime.open({
              database: config.database,
              dataDir: config.data.dir,
              entities: options.entities,
              migrate: true,
              log: options.log,
            }),
        },
        { provide: Database, inject: [RUNTIME], useFactory: (runtime: DatabaseRuntime) => runtime.database },
        {
          provide: DataSource,
          inject: [RUNTIME],
          useFactory: (runtime: DatabaseRuntime) => runtime.dataSource,
        },
        DatabaseShutdown,
      ],
      exports: [Database, DataSource],
    };
  }
}
