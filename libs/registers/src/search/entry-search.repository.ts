import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { In } from 'typeorm';
import { RegisterEntryEntity } from '../entries/register-entry.entity';
import {
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

const ORDER = 'ORDER BY e.entry_date DESC, e.id DESC';

interface WalkedRow {
  id: string;
  entry_date: string;
  hit: boolean;
}

/**
 * Finds register entries of one agency in listing order (entry_date DESC, id DESC), at most
 * `criteria.limit` of them after `criteria.after`. Every value reaches PostgreSQL as a bind
 * parameter; the SQL text is assembled from fixed fragments only.
 *
 * A text search runs in two steps (see migration 1764100000320 for the measurements behind them):
 * 1. the newest RECENT_WINDOW rows of the range, through the (agency, date) index, each checked
 *    against the words and filters: enough when the words are common;
 * 2. otherwise, older rows month by month from the index of agency- and month-scoped words,
 *    stopping as soon as the page is full: each month is one small index lookup, so rare words
 *    cost a few lookups, never a read of the whole year.
 */
@Injectable()
export class EntrySearchRepository {
  constructor(private readonly db: Database) {}

  async search(criteria: EntrySearchCriteria): Promise<RegisterEntryEntity[]> {
    const ids = criteria.tsQuery === null ? await this.listIds(criteria) : await this.searchIds(criteria);
    return this.load(ids);
  }

  /** Without words the planner's choice is right: the (agency, date) index or the open-due index. */
  private async listIds(c: EntrySearchCriteria): Promise<string[]> {
    const p = new SqlParams();
    const conditions = [
      `e.agency_id = ${p.add(c.agencyId)}::uuid`,
      ...positionConditions(c, p),
      ...filterConditions(c, p),
    ];
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT e.id FROM register_entry e WHERE ${whereClause(conditions)} ${ORDER} LIMIT ${p.add(c.limit)}`,
      p.values,
    );
    return rows.map((r) => r.id);
  }

  private async searchIds(c: EntrySearchCriteria): Promise<string[]> {
    const walked = await this.walkRecent(c);
    const hits = walked.filter((r) => r.hit).map((r) => r.id);
    if (hits.length >= c.limit || walked.length < RECENT_WINDOW) return hits.slice(0, c.limit);
    const last = walked[walked.length - 1];
    const older = await this.searchByMonth({
      ...c,
      after: { entryDate: last.entry_date, id: last.id },
      limit: c.limit - hits.length,
    });
    return [...hits, ...older];
  }

  /** Step 1: the newest rows of the range in index order, each marked whether it matches. */
  private walkRecent(c: EntrySearchCriteria): Promise<WalkedRow[]> {
    const p = new SqlParams();
    const agency = p.add(c.agencyId);
    const range = whereClause([`e.agency_id = ${agency}::uuid`, ...positionConditions(c, p)]);
    const matches = whereClause([
      `e.search_vector @@ to_tsquery('simple', ${p.add(c.tsQuery)})`,
      ...filterConditions(c, p),
    ]);
    // The LIMIT inside bounds the rows read; the match is computed outside so it cannot extend the walk.
    return this.db.manager.query(
      `SELECT e.id, e.entry_date::text AS entry_date, (${matches}) AS hit
         FROM (SELECT * FROM register_entry e WHERE ${range} ${ORDER} LIMIT ${RECENT_WINDOW}) e
        ${ORDER}`,
      p.values,
    );
  }

  /** Step 2: month by month from the newest, through ix_register_entry_scoped_search. */
  private async searchByMonth(c: EntrySearchCriteria & { after: EntryPosition }): Promise<string[]> {
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
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT hit.id
         FROM generate_series(
                date_trunc('month', ${p.add(c.after.entryDate)}::timestamp),
                date_trunc('month', (${from})::timestamp),
                interval '-1 month') AS m(start)
        CROSS JOIN LATERAL (
          SELECT e.id FROM (
            SELECT * FROM register_entry e
             WHERE register_entry_scoped_vector(e.search_vector, e.agency_id, e.entry_date)
                   @@ register_entry_scoped_query(to_tsquery('simple', ${query}), ${agency}::uuid, m.start::date)
            OFFSET 0) e
           WHERE ${checks}
           ${ORDER} LIMIT ${limit}) hit
        LIMIT ${limit}`,
      p.values,
    );
    return rows.map((r) => r.id);
  }

  private async load(ids: string[]): Promise<RegisterEntryEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.manager.findBy(RegisterEntryEntity, { id: In(ids) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is RegisterEntryEntity => r !== undefined);
  }
}
