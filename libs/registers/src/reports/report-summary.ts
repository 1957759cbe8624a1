import type { LevelCount } from '@vanthu/certificates';
import type { DirectionCounts, ScopeAgency } from './report.repository';

/** A share: `part / total`, null when there is nothing to divide. */
export interface Share {
  part: number;
  total: number;
  rate: number | null;
}

export interface UnitCount {
  /** Null: documents without a lead unit (incoming) or drafting unit (outgoing). */
  unitId: string | null;
  unitName: string | null;
  agencyId: string;
  count: number;
}

/**
 * The figures an agency reports for a period (counts only, never documents). With
 * `includeSubordinates` they add up the agency and the agencies below it hosted on this node.
 */
export interface ReportSummary {
  agencyId: string;
  from: string;
  to: string;
  includeSubordinates: boolean;
  agencies: ScopeAgency[];
  totals: DirectionCounts;
  /** Every month of the period, `YYYY-MM`, zeros included. */
  byMonth: ({ month: string } & DirectionCounts)[];
  byType: ({ typeCode: string; typeName: string } & DirectionCounts)[];
  byUnit: { incoming: UnitCount[]; outgoing: UnitCount[] };
  /** Per agency of the scope (one line without subordinates). */
  byAgency: ({ agencyId: string; name: string } & DirectionCounts)[];
  /** Incoming documents with a deadline closed in the period: on time (Vietnam date ≤ deadline). */
  onTime: Share & {
    /** Still open with the deadline passed, as of `asOf` (today), whatever the period. */
    openOverdue: number;
    asOf: string;
  };
  /** Outgoing documents issued in the period that carry a digital signature. */
  digitallySigned: Share;
  electronicExchange: {
    /** Deliveries to other agencies of outgoing documents issued in the period (paper included). */
    outgoing: Share;
    /** Incoming documents registered in the period that arrived electronically. */
    incoming: Share;
  };
  /**
   * Holders of valid certificates by agency level, today, for the agency and the hosted agencies
   * below it (CountCertificatesByLevelUseCase). Null for a clerk: that figure is for leaders and admins.
   */
  certificatesByLevel: LevelCount[] | null;
}

export function share(part: number, total: number): Share {
  return { part, total, rate: total === 0 ? null : part / total };
}

/** `2026-01` … `2026-03` for 2026-01-15 … 2026-03-02. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}
