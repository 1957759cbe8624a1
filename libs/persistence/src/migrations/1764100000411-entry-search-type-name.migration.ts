import { foldVietnamese } from '@vanthu/shared';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 5000;

/**
 * Registers (libs/registers, entries/search-text.ts): the search text of an entry now ends with the
 * folded name of its document type ("quyet dinh" finds a Quyết định whose subject does not say it),
 * and folding now maps full-width and other compatibility characters to plain ones (NFKC). This
 * brings the rows written before to exactly what buildSearchText writes now:
 * 1. rows whose text kept non-ASCII characters after the old folding (octet length ≠ length) are
 *    folded again, in batches, with the same function (their full-width letters become plain);
 * 2. every row gets " <folded type name>" appended, in one statement.
 * Every row is rewritten once (and the few of step 1 twice), so the agency- and month-scoped GIN
 * index is dropped first and built again from its own definition afterwards, as a bulk load does:
 * updating it row by row would cost several times more. PostgreSQL regenerates search_vector.
 */
export class EntrySearchTypeName1764100000411 implements MigrationInterface {
  name = 'EntrySearchTypeName1764100000411';

  async up(q: QueryRunner): Promise<void> {
    const [{ definition }] = await q.query(
      `SELECT pg_get_indexdef('ix_register_entry_scoped_search'::regclass) AS definition`,
    );
    await q.query('DROP INDEX ix_register_entry_scoped_search');
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; search_text: string }[] = await q.query(
        `SELECT id, search_text FROM register_entry
          WHERE id > $1 AND octet_length(search_text) <> char_length(search_text)
          ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const changed = rows.filter((r) => foldVietnamese(r.search_text) !== r.search_text);
      if (changed.length > 0)
        await q.query(
          `UPDATE register_entry e SET search_text = c.text
             FROM unnest($1::uuid[], $2::text[]) AS c(id, text) WHERE e.id = c.id`,
          [changed.map((r) => r.id), changed.map((r) => foldVietnamese(r.search_text))],
        );
    }
    // one pass over the table for every type (a statement per type would read it once per type)
    await q.query(
      `UPDATE register_entry e SET search_text = e.search_text || t.suffix
         FROM unnest($1::varchar[], $2::text[]) AS t(code, suffix) WHERE e.document_type_code = t.code`,
      await this.suffixes(q),
    );
    await q.query(definition);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE register_entry e SET search_text = left(e.search_text, -length(t.suffix))
         FROM unnest($1::varchar[], $2::text[]) AS t(code, suffix)
        WHERE e.document_type_code = t.code AND right(e.search_text, length(t.suffix)) = t.suffix`,
      await this.suffixes(q),
    );
  }

  /** Type codes and the " <folded name>" each type's search texts end with. */
  private async suffixes(q: QueryRunner): Promise<[string[], string[]]> {
    const types: { code: string; name: string }[] = await q.query('SELECT code, name FROM document_type');
    return [types.map((t) => t.code), types.map((t) => ` ${foldVietnamese(t.name)}`)];
  }
}
