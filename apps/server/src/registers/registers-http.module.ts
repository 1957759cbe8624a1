import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { DocumentsModule, StorageSweepModule } from '@vanthu/documents';
import { RegistersModule } from '@vanthu/registers';
import { DeadlineReminderWorker } from '../workers/deadline-reminder.worker';
import { AssignmentsController } from './assignments.controller';
import { EntriesController } from './entries.controller';
import { IncomingController } from './incoming.controller';
import { NotificationsController } from './notifications.controller';
import { OutgoingController } from './outgoing.controller';
import { RegistersController } from './registers.controller';
import { CaseFilesController } from './case-files.controller';
import { CopiesController } from './copies.controller';
import { ReportsController } from './reports.controller';
import { RegisterPrintController } from './register-print.controller';
import { SearchController } from './search.controller';

/**
 * Registers and the document workflow over HTTP. PDF uploads stay in memory, each at most
 * VANTHU_UPLOAD_LIMIT_MB: the main document plus up to 20 attachments.
 */
@Module({
  imports: [
    RegistersModule,
    DocumentsModule,
    StorageSweepModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // File names are read as UTF-8, as browsers send them ("Quyết định.pdf"); busboy's default is latin1.
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.server.uploadLimit, files: 21, fields: 20, fieldSize: 64 * 1024 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  providers: [DeadlineReminderWorker],
  controllers: [
    RegistersController,
    OutgoingController,
    IncomingController,
    AssignmentsController,
    NotificationsController,
    EntriesController,
    CaseFilesController,
    CopiesController,
    ReportsController,
    RegisterPrintController,
    SearchController,
  ],
})
export class RegistersHttpModule {}
