import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@vanthu/config';
import { PinoLoggerService } from '@vanthu/shared';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { requestContextMiddleware } from './http/request-context.middleware';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { webUiMiddleware } from './web/web-ui.middleware';

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createServer(
  config: AppConfig,
  logger: Logger,
  options: AppModuleOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { log: (m) => logger.info(m), ...options }),
    { logger: new PinoLoggerService(logger), bodyParser: false, abortOnError: false },
  );
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestContextMiddleware(logger));
  app.useBodyParser('json', { limit: config.server.jsonBodyLimit });
  app.useBodyParser('urlencoded', { limit: config.server.jsonBodyLimit, extended: false });
  app.use(cookieParser());
  app.use(webUiMiddleware(config.web.dir));

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
