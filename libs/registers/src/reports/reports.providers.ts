import type { Provider } from '@nestjs/common';
import { RegisterRowsRepository } from '../numbering/register-rows.repository';
import { PrintRegisterUseCase } from '../numbering/use-cases/print-register.use-case';
import { ReportRepository } from './report.repository';
import { GetReportSummaryUseCase } from './use-cases/get-report-summary.use-case';

/**
 * Providers of the reports area, and of the register printout (its use case lives beside the
 * registers it prints); the use cases among them are exported by RegistersModule.
 */
export const REPORTS_PROVIDERS: Provider[] = [
  ReportRepository,
  GetReportSummaryUseCase,
  RegisterRowsRepository,
  PrintRegisterUseCase,
];
