import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '@vanthu/config';
import { type Clock, loggerOptions } from '@vanthu/shared';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createServer } from '../../apps/server/src/create-server';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestServer {
  app: INestApplication;
  /** Base URL on loopback, for supertest or fetch. */
  url: string;
  db: TestDatabase;
  config: AppConfig;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server over HTTP on a free loopback port, on a fresh migrated database and a temporary
 * filesystem store. `env` overrides configuration keys (e.g. VANTHU_LOCKOUT_THRESHOLD).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  clock?: Clock,
  options: { logLines?: string[] } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-test-data-'));
  const config = loadConfig({ DATABASE_URL: db.url, VANTHU_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  // With `logLines`, the server logs as in production (JSON lines) into that array.
  const logger = options.logLines
    ? pino(
        loggerOptions('info'),
        new Writable({
          write(chunk: Buffer, _enc, done) {
            options.logLines!.push(...chunk.toString('utf8').split('\n').filter(Boolean));
            done();
          },
        }),
      )
    : pino({ level: 'silent' });
  // Every answer of every end-to-end test is checked against its route's response schema.
  const app = await createServer(config, logger, { checkResponses: true, ...(clock ? { clock } : {}) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    db,
    config,
    dataDir,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
