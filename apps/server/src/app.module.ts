import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AUDIT_ENTITIES, AuditModule } from '@vanthu/audit';
import { CERTIFICATES_ENTITIES } from '@vanthu/certificates';
import type { AppConfig } from '@vanthu/config';
import { DemoModule } from '@vanthu/demo';
import { DIRECTORY_ENTITIES, DirectoryModule } from '@vanthu/directory';
import { DOCUMENTS_ENTITIES } from '@vanthu/documents';
import { EXCHANGE_ENTITIES } from '@vanthu/exchange';
import { IDENTITY_ENTITIES, IdentityModule } from '@vanthu/identity';
import { PersistenceModule } from '@vanthu/persistence';
import { REGISTERS_ENTITIES } from '@vanthu/registers';
import type { Clock } from '@vanthu/shared';
import { StorageModule } from '@vanthu/storage';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { CertificatesHttpModule } from './certificates/certificates-http.module';
import { CoreModule } from './core.module';
import { DirectoryController } from './directory/directory.controller';
import { ExchangeHttpModule } from './exchange/exchange-http.module';
import { HealthController } from './health/health.controller';
import { RegistersHttpModule } from './registers/registers-http.module';
import { AppExceptionFilter } from './http/app-exception.filter';
import { AgencyCodesInterceptor } from './http/agency-codes.interceptor';
import { ResponseContractInterceptor } from './http/response-contract.interceptor';
import { SafeTextGuard } from './http/safe-text.guard';
import { SessionGuard } from './http/session.guard';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { UnitsController } from './identity/units.controller';
import { UsersController } from './identity/users.controller';
import { PublicVerifyHttpModule } from './verify/public-verify-http.module';

export const SERVER_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...REGISTERS_ENTITIES,
  ...EXCHANGE_ENTITIES,
];

export interface AppModuleOptions {
  clock?: Clock;
  log?: (message: string) => void;
  /** Check every JSON answer against its route's response schema (the test server turns it on). */
  checkResponses?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.clock),
        PersistenceModule.forRoot({ entities: SERVER_ENTITIES, log: options.log }),
        StorageModule,
        AuditModule,
        IdentityModule,
        DirectoryModule,
        DemoModule,
        CertificatesHttpModule,
        RegistersHttpModule,
        PublicVerifyHttpModule,
        ExchangeHttpModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        UnitsController,
        AuditController,
        DirectoryController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: SafeTextGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        // Registered first, so the outermost: the contract check sees the agency codes added below.
        ...(options.checkResponses
          ? [{ provide: APP_INTERCEPTOR, useClass: ResponseContractInterceptor }]
          : []),
        { provide: APP_INTERCEPTOR, useClass: AgencyCodesInterceptor },
      ],
    };
  }
}
