import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@vanthu/audit';
import { APP_CONFIG, type AppConfig, loadConfig } from '@vanthu/config';
import { DemoModule } from '@vanthu/demo';
import { IDENTITY_SETTINGS } from '@vanthu/identity';
import { PersistenceModule } from '@vanthu/persistence';
import { Clock, SystemClock } from '@vanthu/shared';
import { createObjectStorage, ObjectStorage } from '@vanthu/storage';
import { ExchangeWiringModule } from '@vanthu/wiring';
import { CLI_ENTITIES } from './cli-database';

@Module({})
class CliModule {
  static forRoot(config: AppConfig, withExchange: boolean): DynamicModule {
    return {
      module: CliModule,
      global: true,
      imports: [
        PersistenceModule.forRoot({ entities: CLI_ENTITIES, log: (m) => process.stderr.write(`${m}\n`) }),
        AuditModule,
        DemoModule,
        // the node's exchange use cases (resend, status, identity) with the registers' side wired
        ...(withExchange ? [ExchangeWiringModule] : []),
      ],
      providers: [
        {
          provide: ObjectStorage,
          useFactory: async () => {
            const storage = createObjectStorage(config.storage);
            await storage.init();
            return storage;
          },
        },
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
        {
          provide: IDENTITY_SETTINGS,
          useValue: {
            sessionTtlMinutes: config.security.sessionTtlMinutes,
            lockoutThreshold: config.security.lockoutThreshold,
            lockoutMinutes: config.security.lockoutMinutes,
            passwordHashConcurrency: config.security.passwordHashConcurrency,
          },
        },
      ],
      exports: [APP_CONFIG, Clock, IDENTITY_SETTINGS, ObjectStorage],
    };
  }
}

/**
 * The same use cases the server runs, wired by Nest, for commands that change business data
 * (so the CLI cannot drift from the server's rules or skip the audit log).
 */
export async function withAppContext<T>(
  work: (context: INestApplicationContext, config: AppConfig) => Promise<T>,
  options: { exchange?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(
    CliModule.forRoot(config, options.exchange ?? false),
    {
      logger: ['error'],
    },
  );
  try {
    return await work(context, config);
  } finally {
    await context.get(ObjectStorage).close();
    await context.close();
  }
}
