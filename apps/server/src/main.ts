import 'reflect-metadata';
import { ConfigError, loadConfig } from '@vanthu/config';
import { createServer } from './create-server';
import { createRootLogger } from './http/pino-logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      for (const p of error.problems) process.stderr.write(`  - ${p.key}: ${p.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createRootLogger(config.server.logLevel);
  const started = Date.now();
  let app;
  try {
    app = await createServer(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'khởi động thất bại');
    process.stderr.write(`Không khởi động được vanthu: ${(error as Error).message}\n`);
    process.exit(1);
  }
  await app.listen(config.server.port, config.server.host);
  logger.info({ port: config.server.port, ms: Date.now() - started }, `vanthu sẵn sàng tại http://localhost:${config.server.port}`);
}

void main();
