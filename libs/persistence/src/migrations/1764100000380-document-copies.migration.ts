import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registers (libs/registers): electronic copies (bản sao điện tử: sao y, sao lục, trích sao, ND30
 * Art. 25-27). Each copy takes the next number of the agency's copy register (one series for the
 * three kinds), records the document it copies and the version it was made from, and points at the
 * organisation-signed PDF in storage. A copy never changes, except that it is withdrawn once
 * (`withdrawn_at`) when the document it copies is recalled; its row and number stay as the record.
 * `source_version_id` has no foreign key: a recall destroys the versions of the recalled document.
 */
export class DocumentCopies1764100000380 implements MigrationInterface {
  name = 'DocumentCopies1764100000380';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_copy (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        source_entry_id uuid NOT NULL,
        source_version_id uuid,
        register_id uuid NOT NULL,
        year smallint NOT NULL,
        number integer NOT NULL,
        code_number varchar(11) NOT NULL,
        code_notation varchar(50) NOT NULL,
        copy_type varchar(10) NOT NULL,
        to_places varchar(1000),
        file_name varchar(255) NOT NULL,
        storage_key varchar(200) NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes bigint NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        CONSTRAINT pk_document_copy PRIMARY KEY (id),
        CONSTRAINT uq_document_copy_number UNIQUE (register_id, number),
        CONSTRAINT fk_document_copy_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_document_copy_entry FOREIGN KEY (source_entry_id) REFERENCES register_entry (id) ON DELETE RESTRICT,
        CONSTRAINT fk_document_copy_register FOREIGN KEY (register_id) REFERENCES register (id) ON DELETE RESTRICT,
        CONSTRAINT fk_document_copy_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT ck_document_copy_type CHECK (copy_type IN ('sao-y', 'sao-luc', 'trich-sao')),
        CONSTRAINT ck_document_copy_number_positive CHECK (number >= 1),
        CONSTRAINT ck_document_copy_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(
      `CREATE INDEX ix_document_copy_source ON document_copy (agency_id, source_entry_id, number)`,
    );
    await q.query(`
      CREATE FUNCTION document_copy_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
           AND to_jsonb(NEW) - 'withdrawn_at' = to_jsonb(OLD) - 'withdrawn_at' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'document_copy rows are immutable (a copy is only withdrawn, once)'
          USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_document_copy_immutable BEFORE UPDATE ON document_copy
        FOR EACH ROW EXECUTE FUNCTION document_copy_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_copy`);
    await q.query(`DROP FUNCTION document_copy_immutable()`);
  }
}
