import { Injectable } from '@nestjs/common';
import { CountCertificatesByLevelUseCase } from '@vanthu/certificates';
import { authorizeAgency, hasRole, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { RegistersErrors } from '../../registers.errors';
import { vietnamDate, vietnamYear } from '../../types/vietnam-date';
import { monthsBetween, type ReportSummary, share, type UnitCount } from '../report-summary';
import { ReportRepository, type ReportScope } from '../report.repository';

export interface GetReportSummaryInput {
  principal: Principal;
  agencyId: string;
  /** First day (YYYY-MM-DD); 1 January of `to`'s year, or of this year. */
  from?: string;
  /** Last day; 31 December of `from`'s year, or of this year. */
  to?: string;
  includeSubordinates?: boolean;
}

/**
 * The agency's figures for a period. Leaders, admins and clerks of the agency read them. With
 * `includeSubordinates`, a leader or admin (not a clerk) gets the same figures added up over the
 * hosted agencies below theirs: aggregate counts only, no document of those agencies is listed.
 * Nobody reaches an agency above their own (404, as for any agency where they have no role).
 */
@Injectable()
export class GetReportSummaryUseCase {
  constructor(
    private readonly db: Database,
    private readonly reports: ReportRepository,
    private readonly certificates: CountCertificatesByLevelUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetReportSummaryInput): Promise<ReportSummary> {
    const { principal, agencyId } = input;
    const thisYear = String(vietnamYear(this.clock.now()));
    const from = input.from ?? `${input.to?.slice(0, 4) ?? thisYear}-01-01`;
    const to = input.to ?? `${input.from?.slice(0, 4) ?? thisYear}-12-31`;
    const includeSubordinates = input.includeSubordinates ?? false;
    authorizeAgency(
      principal,
      agencyId,
      includeSubordinates ? ['leader', 'admin'] : ['leader', 'admin', 'clerk'],
    );
    if (from > to) throw RegistersErrors.reportPeriodInvalid();
    const today = vietnamDate(this.clock.now());
    // One snapshot: the figures must add up with each other even while documents are being registered.
    return this.db.transaction(async () => {
      const agencies = await this.reports.scopeAgencies(agencyId, includeSubordinates);
      const scope: ReportScope = { agencyIds: agencies.map((a) => a.id), from, to };
      const months = new Map((await this.reports.countByMonth(scope)).map((m) => [m.month, m]));
      const byMonth = monthsBetween(from, to).map((month) => ({
        month,
        incoming: months.get(month)?.incoming ?? 0,
        outgoing: months.get(month)?.outgoing ?? 0,
      }));
      const units = await this.reports.countByUnit(scope);
      const unitsOf = (direction: 'incoming' | 'outgoing'): UnitCount[] =>
        units.filter((u) => u.direction === direction).map(({ direction: _, ...u }) => u);
      const perAgency = new Map((await this.reports.countByAgency(scope)).map((a) => [a.agencyId, a]));
      const closed = await this.reports.countClosedOnTime(scope);
      const signed = await this.reports.countDigitallySigned(scope);
      const deliveries = await this.reports.countElectronicDeliveries(scope);
      const arrivals = await this.reports.countElectronicArrivals(scope);
      return {
        agencyId,
        from,
        to,
        includeSubordinates,
        agencies,
        totals: {
          incoming: byMonth.reduce((n, m) => n + m.incoming, 0),
          outgoing: byMonth.reduce((n, m) => n + m.outgoing, 0),
        },
        byMonth,
        byType: await this.reports.countByType(scope),
        byUnit: { incoming: unitsOf('incoming'), outgoing: unitsOf('outgoing') },
        byAgency: agencies.map((a) => ({
          agencyId: a.id,
          name: a.name,
          incoming: perAgency.get(a.id)?.incoming ?? 0,
          outgoing: perAgency.get(a.id)?.outgoing ?? 0,
        })),
        onTime: {
          ...share(closed.onTime, closed.closed),
          openOverdue: await this.reports.countOpenOverdue(scope.agencyIds, today),
          asOf: today,
        },
        digitallySigned: share(signed.signed, signed.issued),
        electronicExchange: {
          outgoing: share(deliveries.electronic, deliveries.total),
          incoming: share(arrivals.electronic, arrivals.total),
        },
        certificatesByLevel: hasRole(principal, agencyId, 'leader', 'admin')
          ? await this.certificates.execute({ principal, agencyId })
          : null,
      };
    }, 'REPEATABLE READ');
  }
}
