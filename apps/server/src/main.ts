import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { type AppConfig, ConfigError, loadConfig } from '@vanthu/config';
import { formatDemoLogins, SeedDemoWorldUseCase } from '@vanthu/demo';
import { ExchangeRuntime } from '@vanthu/exchange';
import { createRootLogger } from '@vanthu/shared';
import type { Logger } from 'pino';
import { createServer } from './create-server';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config.server.logLevel);
  const started = Date.now();
  let app: INestApplication | undefined;
  try {
    app = await createServer(config, logger);
    await seedOnFirstStart(app, config, logger);
    // after the seed: a first start's demo identity names the agencies the seed made hosted
    await app.get(ExchangeRuntime).start();
    stopOnSignals(logger, app);
    await app.listen(config.server.port, config.server.host);
  } catch (error) {
    logger.fatal({ err: error }, 'khởi động thất bại');
    process.stderr.write(`Không khởi động được vanthu: ${(error as Error).message}\n`);
    await app?.close().catch(() => undefined); // stops the embedded PostgreSQL too
    process.exit(1);
  }
  logger.info(
    { port: config.server.port, ms: Date.now() - started },
    `vanthu sẵn sàng tại http://localhost:${config.server.port}`,
  );
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    for (const p of error.problems) process.stderr.write(`  - ${p.key}: ${p.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

async function seedOnFirstStart(app: INestApplication, config: AppConfig, logger: Logger): Promise<void> {
  if (!config.demo.seedOnFirstStart) return;
  const seeder = app.get(SeedDemoWorldUseCase);
  if (!(await seeder.isFirstStart())) return;
  const result = await seeder.execute({ password: config.demo.password, world: config.demo.world });
  logger.info({ agencies: result.agencies, units: result.unitsCreated }, 'đã tạo dữ liệu demo');
  // Printed to the console, never to the JSON log: passwords stay out of log storage.
  process.stdout.write(formatDemoLogins(result.logins, `http://localhost:${config.server.port}`));
}

/**
 * SIGINT/SIGTERM: stop accepting requests, close the pool and stop the embedded PostgreSQL, then
 * exit 0. A second signal exits at once.
 */
function stopOnSignals(logger: Logger, app: INestApplication): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'đang dừng');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Lỗi khi dừng (${signal}): ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

void main();
