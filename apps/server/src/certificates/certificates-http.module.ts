import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { CertificatesModule } from '@vanthu/certificates';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { VerifyController } from '../verify/verify.controller';
import { CertificatesController } from './certificates.controller';
import { TrustController } from './trust.controller';

/**
 * The controllers that take file uploads, with multer's defaults from configuration: in memory,
 * one file of at most VANTHU_UPLOAD_LIMIT_MB (routes for key files set a much smaller limit).
 */
@Module({
  imports: [
    CertificatesModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.server.uploadLimit, files: 1, fields: 10 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [CertificatesController, TrustController, VerifyController],
})
export class CertificatesHttpModule {}
