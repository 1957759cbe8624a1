import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, ConfigError, loadConfig } from '@vanthu/config';
import { SeedDemoWorldUseCase } from '@vanthu/demo';
import { ExchangeRuntime } from '@vanthu/exchange';
import { createRootLogger, PinoLoggerService } from '@vanthu/shared';
import type { Logger } from 'pino';
import { HubModule } from './hub.module';

/**
 * `npm run start:hub`: the exchange hub on PORT, with its own data folder (VANTHU_DATA_DIR) and
 * database (DATABASE_URL or its embedded PostgreSQL). A first start with the demo seed on loads the
 * demo directory (no agency hosted) and a demo PKI from which its exchange identity is issued.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createRootLogger(config.server.logLevel);
  let app: INestApplication | undefined;
  try {
    const express = await NestFactory.create<NestExpressApplication>(
      HubModule.forRoot(config, { log: (m) => logger.info(m) }),
      { logger: new PinoLoggerService(logger), bodyParser: false, abortOnError: false },
    );
    express.disable('x-powered-by');
    app = express;
    if (config.demo.seedOnFirstStart) await seedDirectory(app, logger);
    await app.get(ExchangeRuntime).start();
    stopOnSignals(logger, app);
    await app.listen(config.server.port, config.server.host);
  } catch (error) {
    logger.fatal({ err: error }, 'khởi động trục liên thông thất bại');
    process.stderr.write(`Không khởi động được trục liên thông: ${(error as Error).message}\n`);
    await app?.close().catch(() => undefined);
    process.exit(1);
  }
  logger.info(
    { port: config.server.port, name: config.exchange.name },
    `trục liên thông sẵn sàng tại http://localhost:${config.server.port}`,
  );
}

async function seedDirectory(app: INestApplication, logger: Logger): Promise<void> {
  const seeder = app.get(SeedDemoWorldUseCase);
  if (!(await seeder.isFirstStart())) return;
  const result = await seeder.execute({ world: 'none' });
  logger.info({ agencies: result.agencies }, 'đã nạp danh bạ cơ quan demo');
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    for (const p of error.problems) process.stderr.write(`  - ${p.key}: ${p.message}\n`);
    process.exit(78);
  }
}

function stopOnSignals(logger: Logger, app: INestApplication): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info({ signal }, 'đang dừng');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

void main();
