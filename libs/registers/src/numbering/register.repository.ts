import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { newId } from '@vanthu/shared';
import { RegisterSettingEntity, type OutgoingSeries } from './register-setting.entity';
import { RegisterEntity, type RegisterKind } from './register.entity';

export interface SeriesKey {
  agencyId: string;
  year: number;
  kind: RegisterKind;
  documentTypeCode: string | null;
}

@Injectable()
export class RegisterRepository {
  constructor(private readonly db: Database) {}

  /** The register of a series, created on first use (a new year starts a new series at 01). */
  async ensure(key: SeriesKey, name: string): Promise<string> {
    await this.db.manager.query(
      `INSERT INTO register (id, agency_id, year, kind, document_type_code, name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_register_series DO NOTHING`,
      [newId(), key.agencyId, key.year, key.kind, key.documentTypeCode, name],
    );
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM register
        WHERE agency_id = $1 AND year = $2 AND kind = $3 AND document_type_code IS NOT DISTINCT FROM $4`,
      [key.agencyId, key.year, key.kind, key.documentTypeCode],
    );
    return rows[0].id;
  }

  /**
   * Takes the next number of the series. The UPDATE locks the register row until the caller's
   * transaction ends: concurrent issues queue here, and a rollback returns the number unused.
   */
  async takeNumber(registerId: string): Promise<number> {
    const rows: [{ number: number }[], number] = await this.db.manager.query(
      `UPDATE register SET next_number = next_number + 1 WHERE id = $1 RETURNING next_number - 1 AS number`,
      [registerId],
    );
    return Number(rows[0][0].number);
  }

  /**
   * Takes `count` consecutive arrival numbers from each agency's incoming register of `year` in one
   * statement, creating the registers (named `name`) that a year's first registration needs. The
   * rows are locked in (agency, year) order, so two batches over the same agencies cannot deadlock.
   * Returns, per request, the register and the first of its numbers.
   */
  async takeArrivalBlocks(
    requests: readonly { agencyId: string; year: number; count: number; name: string }[],
  ): Promise<{ registerId: string; first: number }[]> {
    const { rows } = await this.db.prepared<{
      id: string;
      agency_id: string;
      year: number;
      next_number: number;
    }>(
      `INSERT INTO register AS r (id, agency_id, year, kind, document_type_code, name, next_number)
         SELECT s.id, s.agency_id, s.year, 'incoming', NULL, s.name, s.count + 1
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::varchar[]) AS s(id, agency_id, year, count, name)
          ORDER BY s.agency_id, s.year
         ON CONFLICT ON CONSTRAINT uq_register_series
           DO UPDATE SET next_number = r.next_number + EXCLUDED.next_number - 1
         RETURNING r.id, r.agency_id, r.year, r.next_number`,
      [
        requests.map(() => newId()),
        requests.map((r) => r.agencyId),
        requests.map((r) => r.year),
        requests.map((r) => r.count),
        requests.map((r) => r.name),
      ],
    );
    const byKey = new Map(rows.map((row) => [`${row.agency_id}|${row.year}`, row]));
    return requests.map((request) => {
      const row = byKey.get(`${request.agencyId.toLowerCase()}|${request.year}`)!;
      return { registerId: row.id, first: Number(row.next_number) - request.count };
    });
  }

  /** Writes the registers' counters (rows this transaction has locked by taking from them). */
  async storeNextNumbers(counters: readonly { registerId: string; next: number }[]): Promise<void> {
    if (counters.length === 0) return;
    await this.db.prepared(
      `UPDATE register AS r SET next_number = c.next
         FROM unnest($1::uuid[], $2::int[]) AS c(id, next)
        WHERE r.id = c.id`,
      [counters.map((c) => c.registerId), counters.map((c) => c.next)],
    );
  }

  /**
   * The common case in one round trip: takes the next number of the series the agency's setting
   * selects (its type's series when it numbers per type), if that register exists already.
   * Null when it does not (first document of the year): then `ensure` and `takeNumber`.
   */
  async takeFromExisting(
    key: Omit<SeriesKey, 'documentTypeCode'> & { typeCodeIfPerType: string | null },
  ): Promise<{ registerId: string; number: number; perType: boolean } | null> {
    const rows: [{ id: string; number: number; per_type: boolean }[], number] = await this.db.manager.query(
      `WITH setting AS (
         SELECT COALESCE((SELECT outgoing_series = 'per_type' FROM register_setting WHERE agency_id = $1), false)
                AND $4::varchar IS NOT NULL AS per_type)
       UPDATE register r SET next_number = r.next_number + 1
         FROM setting
        WHERE r.agency_id = $1 AND r.year = $2 AND r.kind = $3
          AND r.document_type_code IS NOT DISTINCT FROM (CASE WHEN setting.per_type THEN $4::varchar END)
       RETURNING r.id, r.next_number - 1 AS number, setting.per_type`,
      [key.agencyId, key.year, key.kind, key.typeCodeIfPerType],
    );
    const row = rows[0][0];
    return row ? { registerId: row.id, number: Number(row.number), perType: row.per_type } : null;
  }

  findInAgency(agencyId: string, id: string): Promise<RegisterEntity | null> {
    return this.db.manager.findOneBy(RegisterEntity, { agencyId, id });
  }

  listByAgency(agencyId: string, year?: number): Promise<RegisterEntity[]> {
    return this.db.manager.find(RegisterEntity, {
      where: year === undefined ? { agencyId } : { agencyId, year },
      order: { year: 'DESC', kind: 'ASC', name: 'ASC' },
    });
  }

  async outgoingSeries(agencyId: string): Promise<OutgoingSeries> {
    const row = await this.db.manager.findOneBy(RegisterSettingEntity, { agencyId });
    return row?.outgoingSeries ?? 'single';
  }

  async setOutgoingSeries(agencyId: string, series: OutgoingSeries, at: Date): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO register_setting (agency_id, outgoing_series, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (agency_id) DO UPDATE
         SET outgoing_series = EXCLUDED.outgoing_series, updated_at = EXCLUDED.updated_at,
             version = register_setting.version + 1`,
      [agencyId, series, at],
    );
  }
}
