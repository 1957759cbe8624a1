import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search reads the agency- and month-scoped GIN index (migration 1764100000320) and checks
 * search_vector row by row; the unscoped GIN index over every agency was no longer read by any
 * query, yet every register entry insert maintained it (99 MB at 1,000,000 entries).
 */
export class DropUnscopedSearchIndex1764100000360 implements MigrationInterface {
  name = 'DropUnscopedSearchIndex1764100000360';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_register_entry_search');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_register_entry_search ON register_entry USING gin (search_vector)');
  }
}
