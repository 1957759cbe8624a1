import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { IDENTITY_SETTINGS, type IdentitySettings } from '@vanthu/identity';
import { Clock, SystemClock } from '@vanthu/shared';

/** Configuration and the clock, available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    const identitySettings: IdentitySettings = {
      sessionTtlMinutes: config.security.sessionTtlMinutes,
      lockoutThreshold: config.security.lockoutThreshold,
      lockoutMinutes: config.security.lockoutMinutes,
      passwordHashConcurrency: config.security.passwordHashConcurrency,
    };
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: IDENTITY_SETTINGS, useValue: identitySettings },
      ],
      exports: [APP_CONFIG, Clock, IDENTITY_SETTINGS],
    };
  }
}
