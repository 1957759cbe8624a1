import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * exchange (docs/exchange.md): the packages that nodes and hubs send, receive and keep in a
 * mailbox are stored objects like document versions. `stored_object_referenced()` (migration
 * 1764100000410) names every column that references an object, so that the release of a claim
 * (a refused push, a rolled-back build, a sweep after a crash) never deletes a package a row
 * still points at. Hash indexes keep that check one lookup per table, as for documents.
 */
export class ExchangeStoredObjects1764100000501 implements MigrationInterface {
  name = 'ExchangeStoredObjects1764100000501';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['exchange_inbound', 'exchange_outbound', 'exchange_mailbox'])
      await q.query(`CREATE INDEX ix_${table}_storage_key ON ${table} USING hash (storage_key)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION stored_object_referenced(key varchar) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        AS $$ SELECT EXISTS (SELECT 1 FROM document_version WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM document_copy WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM exchange_inbound WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM exchange_outbound WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM exchange_mailbox WHERE storage_key = key) $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION stored_object_referenced(key varchar) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        AS $$ SELECT EXISTS (SELECT 1 FROM document_version WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM document_copy WHERE storage_key = key) $$`);
    for (const table of ['exchange_mailbox', 'exchange_outbound', 'exchange_inbound'])
      await q.query(`DROP INDEX ix_${table}_storage_key`);
  }
}
