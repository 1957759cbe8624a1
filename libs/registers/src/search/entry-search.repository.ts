import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegisterEntryEntity } from '../entries/register-entry.entity';
import {
  ASSIGNED,
  type Assigned,
  type EntryPosition,
  type EntrySearchCriteria,
  filterConditions,
  positionConditions,
  SqlParams,
  whereClause,
} from './entry-search-criteria';

/**
 * How many of the newest rows a text search checks one by one before it turns to the scoped
 * index. Common words ("ubnd", "nam 2026", "quyet") fill a page within these rows, where reading
 * their month from the index would fetch thousands of rows.
 */
const RECENT_WINDOW = 200;

/**
 * Below this many entries assigned to a unit or person, a listing reads those entries by id; above
 * it, it walks the agency's entries by date and checks each (a match is then common enough).
 */
const FEW_ASSIGNED = 1000;

const ORDER = 'ORDER BY e.entry_date DESC, e.id DESC';

type RawRow = Record<string, unknown>;

/**
 * Finds register entries of one agency in listing order (entry_date DESC, id DESC), at most
 * `criteria.limit` of them after `criteria.after`. Every value reaches PostgreSQL as a bind
 * parameter; the SQL text is assembled from fixed fragments and the entity's column names only.
 *
 * A text search runs in two steps (see migration 1764100000320 for the measurements behind them):
 * 1. the newest RECENT_WINDOW rows of the range, through the (agency, date) index, each checked
 *    against the words and filters: enough when the words are common;
 * 2. otherwise, older rows month by month from the index of agency- and month-scoped words,
 *    stopping as soon as the page is full: each month is one small index lookup, so rare words
 *    cost a few lookups, never a read of the whole year.
 * Each step returns whole rows, so a page costs one or two round trips.
 */
@Injectable()
export class EntrySearchRepository {
  constructor(private readonly db: Database) {}

  async search(criteria: EntrySearchCriteria): Promise<RegisterEntryEntity[]> {
    const rows = criteria.tsQuery === null ? await this.list(criteria) : await this.searchWords(criteria);
    return rows.map((row) => this.hydrate(row));
  }

  /**
   * Without words the planner's choice is right (the (agency, date) index or the open-due index),
   * except for a unit or person with few entries, which would otherwise read the whole agency.
   */
  private async list(criteria: EntrySearchCriteria): Promise<RawRow[]> {
    const c: EntrySearchCriteria = {
      ...criteria,
      assignedAsList: {
        unit: criteria.unitId ? await this.fewAssigned(ASSIGNED.unit, criteria.unitId) : false,
        user: criteria.assigneeId ? await this.fewAssigned(ASSIGNED.user, criteria.assigneeId) : false,
      },
    };
    const p = new SqlParams();
    const conditions = [
      `e.agency_id = ${p.add(c.agencyId)}::uuid`,
      ...positionConditions(c, p),
      ...filterConditions(c, p),
    ];
    return this.db.manager.query(
      `SELECT ${this.columns()} FROM register_entry e WHERE ${whereClause(conditions)} ${ORDER} LIMIT ${p.add(c.limit)}`,
      p.values,
    );
  }

  private async fewAssigned(to: Assigned, id: string): Promise<boolean> {
    const rows: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM (
         (SELECT 1 FROM assignment a WHERE a.${to.assignment} = $1::uuid LIMIT ${FEW_ASSIGNED})
         UNION ALL (SELECT 1 FROM register_entry r WHERE r.${to.lead} = $1::uuid LIMIT ${FEW_ASSIGNED})) counted`,
      [id],
    );
    return rows[0].n < FEW_ASSIGNED;
  }

  private async searchWords(c: EntrySearchCriteria): Promise<RawRow[]> {
    const walked = await this.walkRecent(c);
    const hits = walked.filter((r) => r.hit === true);
    const edge = walked[walked.length - 1];
    if (hits.length >= c.limit || edge === undefined || Number(edge.walked) < RECENT_WINDOW)
      return hits.slice(0, c.limit);
    const after = { entryDate: String(edge.entry_date_text), id: String(edge.id) };
    return [...hits, ...(await this.searchByMonth({ ...c, after, limit: c.limit - hits.length }))];
  }

  /**
   * Step 1: the newest rows of the range in index order. Returns the matching ones and, last,
   * the oldest row read (the edge where step 2 continues), with how many rows were read.
   */
  private walkRecent(c: EntrySearchCriteria): Promise<RawRow[]> {
    const p = new SqlParams();
    const range = whereClause([`e.agency_id = ${p.add(c.agencyId)}::uuid`, ...positionConditions(c, p)]);
    const matches = whereClause([
      `e.search_vector @@ to_tsquery('simple', ${p.add(c.tsQuery)})`,
      ...filterConditions(c, p),
    ]);
    // The LIMIT inside bounds the rows read; the match is computed outside so it cannot extend the walk.
    return this.db.manager.query(
      `SELECT w.* FROM (
         SELECT ${this.columns()}, e.entry_date::text AS entry_date_text, (${matches}) AS hit,
                row_number() OVER (${ORDER}) AS position, count(*) OVER () AS walked
           FROM (SELECT * FROM register_entry e WHERE ${range} ${ORDER} LIMIT ${RECENT_WINDOW}) e) w
        WHERE w.hit OR w.position = w.walked
        ORDER BY w.position`,
      p.values,
    );
  }

  /** Step 2: month by month from the newest, through ix_register_entry_scoped_search. */
  private searchByMonth(c: EntrySearchCriteria & { after: EntryPosition }): Promise<RawRow[]> {
    const p = new SqlParams();
    const agency = p.add(c.agencyId);
    const query = p.add(c.tsQuery);
    const from = c.from
      ? `${p.add(c.from)}::date`
      : `(SELECT min(entry_date) FROM register_entry WHERE agency_id = ${agency}::uuid)`;
    const checks = whereClause([
      `e.agency_id = ${agency}::uuid`,
      `e.search_vector @@ to_tsquery('simple', ${query})`,
      ...positionConditions(c, p),
      ...filterConditions(c, p),
    ]);
    const limit = p.add(c.limit);
    // OFFSET 0 keeps the other conditions out of the inner scan, so PostgreSQL reads the month
    // from the scoped index alone instead of AND-ing it with a bitmap of the agency's whole range.
    // The months come out of generate_series newest first and each month's rows in order, so the
    // first rows of the nested loop are the newest matches.
    return this.db.manager.query(
      `SELECT hit.*
         FROM generate_series(
                date_trunc('month', ${p.add(c.after.entryDate)}::timestamp),
                date_trunc('month', (${from})::timestamp),
                interval '-1 month') AS m(start)
        CROSS JOIN LATERAL (
          SELECT ${this.columns()} FROM (
            SELECT * FROM register_entry e
             WHERE register_entry_scoped_vector(e.search_vector, e.agency_id, e.entry_date)
                   @@ register_entry_scoped_query(to_tsquery('simple', ${query}), ${agency}::uuid, m.start::date)
            OFFSET 0) e
           WHERE ${checks}
           ${ORDER} LIMIT ${limit}) hit
        LIMIT ${limit}`,
      p.values,
    );
  }

  /** The mapped columns (never the large search_vector), from the entity's metadata. */
  private columns(): string {
    return this.metadata()
      .columns.map((column) => `e.${column.databaseName}`)
      .join(', ');
  }

  /** A raw row as the entity, converted as TypeORM converts its own query results. */
  private hydrate(raw: RawRow): RegisterEntryEntity {
    const driver = this.db.manager.connection.driver;
    const entity = new RegisterEntryEntity();
    for (const column of this.metadata().columns)
      column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
    return entity;
  }

  private metadata() {
    return this.db.manager.connection.getMetadata(RegisterEntryEntity);
  }
}
