import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (libs/documents): claims on stored objects, so that nothing a refused request wrote
 * stays in object storage and nothing a committed row references is ever deleted.
 *
 * Objects are content-addressed (key = SHA-256), so two requests may store the same bytes: one
 * writes the object, the other finds it there. Deleting "what my failed request wrote" would then
 * delete the other's document. Instead every request records a claim on the key, committed on its
 * own, before it writes; the transaction that references the object deletes the claim together
 * with inserting its row. A request that fails releases its claim, and the object goes only if no
 * claim and no row are left for the key. Claim and release both take the key's advisory lock
 * (StoredObjectClaimRepository), so a release cannot check, then delete an object that a new claim
 * counted on meanwhile. A claim older than a grace period belongs to a request that died
 * (kill -9 between the write and the commit): a sweep releases it the same way.
 *
 * stored_object_referenced() names every column that references an object: a table that starts
 * storing keys must be added to it, or a release could delete an object it references.
 * The hash indexes make that check one lookup per table (equality only, a third of a B-tree's size).
 */
export class StoredObjectClaims1764100000410 implements MigrationInterface {
  name = 'StoredObjectClaims1764100000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_object_claim (
        id uuid NOT NULL,
        storage_key varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_stored_object_claim PRIMARY KEY (id)
      )`);
    // The table holds only the claims of requests in flight (and dead ones until a sweep): no index
    // for the sweep's scan by age, one for the check of a key under its lock.
    await q.query(`CREATE INDEX ix_stored_object_claim_key ON stored_object_claim (storage_key)`);
    await q.query(
      `CREATE INDEX ix_document_version_storage_key ON document_version USING hash (storage_key)`,
    );
    await q.query(`CREATE INDEX ix_document_copy_storage_key ON document_copy USING hash (storage_key)`);
    await q.query(`
      CREATE FUNCTION stored_object_referenced(key varchar) RETURNS boolean
        LANGUAGE sql STABLE PARALLEL SAFE STRICT
        AS $$ SELECT EXISTS (SELECT 1 FROM document_version WHERE storage_key = key)
                  OR EXISTS (SELECT 1 FROM document_copy WHERE storage_key = key) $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION stored_object_referenced(varchar)');
    await q.query('DROP INDEX ix_document_copy_storage_key');
    await q.query('DROP INDEX ix_document_version_storage_key');
    await q.query('DROP TABLE stored_object_claim');
  }
}
