import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

/** The agencies a report covers and its period (inclusive, `YYYY-MM-DD`, Vietnam dates). */
export interface ReportScope {
  agencyIds: readonly string[];
  from: string;
  to: string;
}

export interface ScopeAgency {
  id: string;
  code: string;
  name: string;
  levelLabel: string;
}

export interface DirectionCounts {
  incoming: number;
  outgoing: number;
}

/** Deeper than any real administrative tree; stops a malformed parent cycle from looping. */
const MAX_DEPTH = 8;

/**
 * What the registers hold in the period: incoming documents registered (they have an arrival
 * number) on an arrival date in the period, outgoing documents issued (they have a number) on a
 * date in the period. Recalled or replaced documents were issued, so they count.
 */
const IN_PERIOD = `e.agency_id = ANY($1::uuid[]) AND e.register_id IS NOT NULL
  AND (CASE WHEN e.direction = 'incoming' THEN e.entry_date ELSE coalesce(e.issued_date, e.entry_date) END)
      BETWEEN $2::date AND $3::date`;

const VN_DATE = (column: string) => `((${column} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

const COUNTS = `count(*) FILTER (WHERE e.direction = 'incoming')::int AS incoming,
                count(*) FILTER (WHERE e.direction = 'outgoing')::int AS outgoing`;

/** The report's figures, one parametrised query each, always limited to the agencies given. */
@Injectable()
export class ReportRepository {
  constructor(private readonly db: Database) {}

  private params(scope: ReportScope): unknown[] {
    return [scope.agencyIds, scope.from, scope.to];
  }

  /** The agency alone, or with the agencies below it that this node hosts (parent chain). */
  scopeAgencies(rootId: string, includeSubordinates: boolean): Promise<ScopeAgency[]> {
    return this.db.manager.query(
      `WITH RECURSIVE tree (id, depth) AS (
         SELECT a.id, 0 FROM agency a WHERE a.id = $1
         UNION ALL
         SELECT c.id, t.depth + 1 FROM agency c JOIN tree t ON c.parent_id = t.id
          WHERE $2::boolean AND c.hosted AND t.depth < $3
       )
       SELECT a.id, a.code, a.name, a.level_label AS "levelLabel"
         FROM (SELECT id, min(depth) AS depth FROM tree GROUP BY id) t JOIN agency a ON a.id = t.id
        ORDER BY t.depth, a.code`,
      [rootId, includeSubordinates, MAX_DEPTH],
    );
  }

  countByMonth(scope: ReportScope): Promise<({ month: string } & DirectionCounts)[]> {
    return this.db.manager.query(
      `SELECT to_char(CASE WHEN e.direction = 'incoming' THEN e.entry_date
                           ELSE coalesce(e.issued_date, e.entry_date) END, 'YYYY-MM') AS month, ${COUNTS}
         FROM register_entry e WHERE ${IN_PERIOD}
        GROUP BY 1 ORDER BY 1`,
      this.params(scope),
    );
  }

  countByType(scope: ReportScope): Promise<({ typeCode: string; typeName: string } & DirectionCounts)[]> {
    return this.db.manager.query(
      `SELECT t.code AS "typeCode", t.name AS "typeName", ${COUNTS}
         FROM register_entry e JOIN document_type t ON t.code = e.document_type_code
        WHERE ${IN_PERIOD}
        GROUP BY t.code, t.name, t.sort_order ORDER BY t.sort_order`,
      this.params(scope),
    );
  }

  /** Incoming by lead unit (chủ trì), outgoing by drafting unit; a null unit is "not assigned". */
  countByUnit(scope: ReportScope): Promise<
    {
      direction: 'incoming' | 'outgoing';
      unitId: string | null;
      unitName: string | null;
      agencyId: string;
      count: number;
    }[]
  > {
    return this.db.manager.query(
      `SELECT e.direction, u.id AS "unitId", u.name AS "unitName", e.agency_id AS "agencyId",
              count(*)::int AS count
         FROM register_entry e
         LEFT JOIN unit u
           ON u.id = CASE WHEN e.direction = 'incoming' THEN e.lead_unit_id ELSE e.drafting_unit_id END
        WHERE ${IN_PERIOD}
        GROUP BY e.direction, u.id, u.name, e.agency_id
        ORDER BY e.direction, count DESC, u.name NULLS LAST`,
      this.params(scope),
    );
  }

  countByAgency(scope: ReportScope): Promise<({ agencyId: string } & DirectionCounts)[]> {
    return this.db.manager.query(
      `SELECT e.agency_id AS "agencyId", ${COUNTS}
         FROM register_entry e WHERE ${IN_PERIOD}
        GROUP BY e.agency_id`,
      this.params(scope),
    );
  }

  /** Incoming documents with a deadline closed in the period, and how many by their deadline. */
  async countClosedOnTime(scope: ReportScope): Promise<{ closed: number; onTime: number }> {
    const [row]: { closed: number; onTime: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS closed,
              count(*) FILTER (WHERE ${VN_DATE('e.closed_at')} <= e.due_date)::int AS "onTime"
         FROM register_entry e
        WHERE e.agency_id = ANY($1::uuid[]) AND e.direction = 'incoming' AND e.status = 'closed'
          AND e.due_date IS NOT NULL AND e.closed_at IS NOT NULL
          AND ${VN_DATE('e.closed_at')} BETWEEN $2::date AND $3::date`,
      this.params(scope),
    );
    return row;
  }

  /** Incoming documents still being handled whose deadline passed before `today`. */
  async countOpenOverdue(agencyIds: readonly string[], today: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM register_entry e
        WHERE e.agency_id = ANY($1::uuid[]) AND e.direction = 'incoming'
          AND e.status IN ('registered', 'assigned', 'in_progress') AND e.due_date < $2::date`,
      [agencyIds, today],
    );
    return row.n;
  }

  /**
   * Outgoing documents issued in the period, and those among them with a digitally signed version
   * (the leader's personal signature or the issued, organisation-signed PDF). The rest were
   * registered as paper documents.
   */
  async countDigitallySigned(scope: ReportScope): Promise<{ issued: number; signed: number }> {
    const [row]: { issued: number; signed: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS issued,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM document_version v
                 WHERE v.entry_id = e.id AND v.kind IN ('issued', 'personal_signed')))::int AS signed
         FROM register_entry e
        WHERE ${IN_PERIOD} AND e.direction = 'outgoing'`,
      this.params(scope),
    );
    return row;
  }

  /**
   * Deliveries of the outgoing documents issued in the period: electronic ones (to agencies on
   * this node or through the exchange) against all, paper included. Internal units and the
   * revoke/update/replace messages are not documents sent to another agency, so they are left out.
   */
  async countElectronicDeliveries(scope: ReportScope): Promise<{ total: number; electronic: number }> {
    const [row]: { total: number; electronic: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE d.channel IN ('local', 'exchange'))::int AS electronic
         FROM delivery d JOIN register_entry e ON e.id = d.entry_id
        WHERE ${IN_PERIOD} AND e.direction = 'outgoing'
          AND d.business = 'new' AND d.channel <> 'internal'`,
      this.params(scope),
    );
    return row;
  }

  /** Incoming documents registered in the period that arrived electronically, against all. */
  async countElectronicArrivals(scope: ReportScope): Promise<{ total: number; electronic: number }> {
    const [row]: { total: number; electronic: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE e.source IN ('local', 'exchange'))::int AS electronic
         FROM register_entry e
        WHERE ${IN_PERIOD} AND e.direction = 'incoming'`,
      this.params(scope),
    );
    return row;
  }
}
