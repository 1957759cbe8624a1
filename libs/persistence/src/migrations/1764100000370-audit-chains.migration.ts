import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit (libs/audit): one hash chain per agency instead of one for the whole node. Every audited
 * transaction used to take one global advisory lock until commit; now it locks only its chain's head
 * row in `audit_chain`, so agencies no longer wait for each other.
 *
 * Rows written before this migration form the chain 'global' (chain_seq = seq, their hashes keep
 * the old material). `seq` is now assigned by the database and only orders rows across chains.
 * The sequence must keep CACHE 1 (the default): a writer takes nextval after it holds its chain's
 * head lock, so within a chain seq order is commit order, which the verifier relies on; per-session
 * cached ranges would break that.
 */
export class AuditChains1764100000370 implements MigrationInterface {
  name = 'AuditChains1764100000370';

  async up(q: QueryRunner): Promise<void> {
    // A constant default fills existing rows without an UPDATE (no append-only trigger involved).
    await q.query(`ALTER TABLE audit_event ADD COLUMN chain varchar(64) NOT NULL DEFAULT 'global'`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN chain DROP DEFAULT`);
    await q.query(`ALTER TABLE audit_event ADD COLUMN chain_seq bigint`);
    // chain_seq = seq needs a real UPDATE. The trigger is off only inside this migration's
    // transaction: ALTER TABLE holds ACCESS EXCLUSIVE until commit, so no other session can write
    // (or even read) audit_event while it is off.
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`UPDATE audit_event SET chain_seq = seq`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER tr_audit_event_append_only`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN chain_seq SET NOT NULL`);
    await q.query(
      `ALTER TABLE audit_event ADD CONSTRAINT uq_audit_event_chain_seq UNIQUE (chain, chain_seq)`,
    );

    await q.query(`CREATE SEQUENCE audit_event_seq_seq AS bigint OWNED BY audit_event.seq`);
    await q.query(`SELECT setval('audit_event_seq_seq', COALESCE(max(seq), 0) + 1, false) FROM audit_event`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN seq SET DEFAULT nextval('audit_event_seq_seq')`);

    await q.query(`
      CREATE TABLE audit_chain (
        chain varchar(64) NOT NULL,
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL,
        CONSTRAINT pk_audit_chain PRIMARY KEY (chain)
      )`);
    await q.query(`
      INSERT INTO audit_chain (chain, last_seq, last_hash)
      SELECT 'global', seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1`);
  }

  /**
   * Rows written after up() stay, but their hashes cover the per-chain material, so the old
   * single-chain verifier will report them; down() is for development databases.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chain`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN seq DROP DEFAULT`);
    await q.query(`DROP SEQUENCE audit_event_seq_seq`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT uq_audit_event_chain_seq`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain_seq`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain`);
  }
}
