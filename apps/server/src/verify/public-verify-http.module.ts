import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CertificatesModule } from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { PublicVerifyController } from './public-verify.controller';
import { PublicVerifyRateGuard } from './public-verify-rate.guard';

/** The public verification route with its own, smaller upload limit (VANTHU_PUBLIC_VERIFY_LIMIT_MB). */
@Module({
  imports: [
    CertificatesModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.web.publicVerifyLimit, files: 1, fields: 2, fieldSize: 1024 },
      }),
    }),
  ],
  controllers: [PublicVerifyController],
  providers: [PublicVerifyRateGuard],
})
export class PublicVerifyHttpModule {}
