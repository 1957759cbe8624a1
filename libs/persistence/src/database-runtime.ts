import { join } from 'node:path';
import type { DatabaseConfig } from '@vanthu/config';
import type { DataSource } from 'typeorm';
import { createDataSource, type DataSourceInput } from './data-source-factory';
import { Database } from './database';
import { EmbeddedPostgresServer } from './embedded/embedded-postgres-server';

export interface OpenDatabaseInput {
  database: DatabaseConfig;
  dataDir: string;
  entities: DataSourceInput['entities'];
  /** Apply pending migrations after connecting (the server and `vanthu db migrate` do). */
  migrate: boolean;
  log?: (message: string) => void;
}

/**
 * Owns the connection pool and, without DATABASE_URL, the embedded PostgreSQL under
 * `<data>/pg`; closes both in the right order.
 */
export class DatabaseRuntime {
  private constructor(
    /** The connection URL (it carries the password: never log it). */
    readonly url: string,
    readonly dataSource: DataSource,
    readonly database: Database,
    private readonly embedded: EmbeddedPostgresServer | undefined,
  ) {}

  static async open(input: OpenDatabaseInput): Promise<DatabaseRuntime> {
    let embedded: EmbeddedPostgresServer | undefined;
    let url = input.database.url;
    if (!url) {
      embedded = new EmbeddedPostgresServer({
        dir: join(input.dataDir, 'pg'),
        port: input.database.embeddedPort,
        database: 'vanthu',
        log: input.log,
      });
      input.log?.(
        `Khởi động PostgreSQL nhúng (${join(input.dataDir, 'pg')}, cổng ${input.database.embeddedPort})`,
      );
      url = await embedded.start();
    }
    const dataSource = createDataSource({ url, entities: input.entities, poolSize: input.database.poolSize });
    try {
      await dataSource.initialize();
      if (input.migrate) {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length > 0)
          input.log?.(`Đã áp dụng ${applied.length} migration: ${applied.map((m) => m.name).join(', ')}`);
      }
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
      throw new Error(`Không kết nối được cơ sở dữ liệu: ${describeConnectionError(error)}`, {
        cause: error,
      });
    }
    return new DatabaseRuntime(url, dataSource, new Database(dataSource), embedded);
  }

  async close(): Promise<void> {
    await this.database.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

function describeConnectionError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  // Never echo the URL: it carries the password.
  if (e.code === 'ECONNREFUSED') return 'máy chủ PostgreSQL từ chối kết nối (ECONNREFUSED)';
  if (e.code === 'ENOTFOUND') return 'không tìm thấy máy chủ PostgreSQL (ENOTFOUND)';
  if (e.code === '28P01') return 'sai tên đăng nhập hoặc mật khẩu PostgreSQL';
  if (e.code === '3D000') return 'cơ sở dữ liệu không tồn tại';
  return (e.message ?? String(error)).replace(/postgres(ql)?:\/\/[^\s]+/g, 'postgres://***');
}
