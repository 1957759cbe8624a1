import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AUDIT_ENTITIES, AuditModule } from '@vanthu/audit';
import { CERTIFICATES_ENTITIES } from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { DemoModule } from '@vanthu/demo';
import { StorageSweepModule } from '@vanthu/documents';
import { DIRECTORY_ENTITIES, DirectoryModule } from '@vanthu/directory';
import { EXCHANGE_ENTITIES, ExchangeModule } from '@vanthu/exchange';
import { IDENTITY_ENTITIES, IDENTITY_SETTINGS, type IdentitySettings } from '@vanthu/identity';
import { PersistenceModule } from '@vanthu/persistence';
import { Clock, SystemClock } from '@vanthu/shared';
import { StorageModule } from '@vanthu/storage';
import { HubExceptionFilter } from './hub-exception.filter';
import { HubHealthController } from './hub-health.controller';

/** Configuration and the clock, available to every module of the hub. */
@Global()
@Module({})
class HubCoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    const identitySettings: IdentitySettings = {
      sessionTtlMinutes: config.security.sessionTtlMinutes,
      lockoutThreshold: config.security.lockoutThreshold,
      lockoutMinutes: config.security.lockoutMinutes,
      passwordHashConcurrency: config.security.passwordHashConcurrency,
    };
    return {
      module: HubCoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: IDENTITY_SETTINGS, useValue: identitySettings },
      ],
      exports: [APP_CONFIG, Clock, IDENTITY_SETTINGS],
    };
  }
}

/** The hub's tables: the exchange's, and those its directory, trust store and audit log live in. */
export const HUB_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  ...EXCHANGE_ENTITIES,
];

/**
 * The exchange hub (a province platform or the national axis): the same libs as a node, hosting no
 * agency. It serves /exchange/v1, stores and forwards by route, keeps mailboxes for poll-only
 * peers, and has its own database, storage and audit chain.
 */
@Module({})
export class HubModule {
  static forRoot(
    config: AppConfig,
    options: { clock?: Clock; log?: (m: string) => void } = {},
  ): DynamicModule {
    return {
      module: HubModule,
      imports: [
        HubCoreModule.forRoot(config, options.clock ?? new SystemClock()),
        PersistenceModule.forRoot({ entities: HUB_ENTITIES, log: options.log }),
        StorageModule,
        // a hub killed between storing a package and committing its row leaves a claim: released here
        StorageSweepModule,
        AuditModule,
        DirectoryModule,
        DemoModule,
        ExchangeModule.forHub(),
      ],
      controllers: [HubHealthController],
      providers: [{ provide: APP_FILTER, useClass: HubExceptionFilter }],
    };
  }
}
