import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@vanthu/config';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document without a database or storage: Nest's preview mode builds the module graph
 * and the routes but instantiates no provider, so nothing connects (used by `npm run api:generate`).
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:9/openapi',
    VANTHU_DATA_DIR: join(tmpdir(), 'vanthu-openapi-preview'),
    VANTHU_DEMO_SEED: 'false',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
