import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scope of a word in the scoped search index: the first 8 hex digits of the agency id and the
 * entry's month (`d159517c202611:`). A clash of two agencies' prefixes only costs speed: the
 * search also checks agency_id itself.
 */
const SCOPE = `substr(agency::text, 1, 8) || (extract(year FROM day) * 100 + extract(month FROM day))::int::text || ':'`;

/**
 * Search over register entries (libs/registers, search/): a GIN index whose words are scoped to
 * the agency and the month of the entry, and indexes on the lead unit and person.
 *
 * Why: Vietnamese is written in a few thousand syllables, so the words people search for ("quyet",
 * "dinh", "ke", "hoach", "ubnd") each occur in 10–50% of all entries, and the posting lists of the
 * plain index (ix_register_entry_search, over every agency) run to hundreds of thousands of rows.
 * With 1,000,000 entries, EXPLAIN ANALYZE showed 60–300 ms in the GIN scan alone and then thousands
 * of heap fetches of other agencies' rows; walking the (agency, date) index instead is fast for
 * common words but reads every row of the year when the words are rare. Scoped words keep each
 * posting list to one agency's month (a few thousand rows at most), so the search reads month by
 * month from the newest and stops as soon as a page is full: a few milliseconds whatever the words.
 *
 * The scoped vector has no positions (array_to_tsvector), so the query side turns phrase
 * operators into AND (a superset) and the search re-checks the real tsquery on search_vector.
 * The functions are schema-free on purpose: index builds run with a restricted search_path.
 */
export class EntrySearch1764100000320 implements MigrationInterface {
  name = 'EntrySearch1764100000320';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION register_entry_scoped_vector(v tsvector, agency uuid, day date) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT array_to_tsvector(ARRAY(
          SELECT ${SCOPE} || u.lexeme FROM unnest(v) AS u WHERE octet_length(u.lexeme) < 1000)) $$`);
    await q.query(`
      CREATE FUNCTION register_entry_scoped_query(query tsquery, agency uuid, day date) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT regexp_replace(
          regexp_replace(query::text, '<[0-9]+>|<->', '&', 'g'),
          '''((?:[^'']|'''')*)''', '''' || ${SCOPE} || '\\1''', 'g')::tsquery $$`);
    await q.query(`
      CREATE INDEX ix_register_entry_scoped_search ON register_entry
        USING gin (register_entry_scoped_vector(search_vector, agency_id, entry_date))`);
    // "Entries of this unit / person": a unit with few entries is listed from these (and from the
    // assignment indexes) instead of checking every entry of the agency.
    await q.query(
      `CREATE INDEX ix_register_entry_lead_unit ON register_entry (lead_unit_id) WHERE lead_unit_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_register_entry_lead_user ON register_entry (lead_user_id) WHERE lead_user_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS ix_register_entry_lead_user');
    await q.query('DROP INDEX IF EXISTS ix_register_entry_lead_unit');
    await q.query('DROP INDEX IF EXISTS ix_register_entry_scoped_search');
    await q.query('DROP FUNCTION IF EXISTS register_entry_scoped_query(tsquery, uuid, date)');
    await q.query('DROP FUNCTION IF EXISTS register_entry_scoped_vector(tsvector, uuid, date)');
  }
}
