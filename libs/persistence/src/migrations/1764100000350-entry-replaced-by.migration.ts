import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An issued document replaced by another (edXML BussinessDocType 3) points at its replacement. */
export class EntryReplacedBy1764100000350 implements MigrationInterface {
  name = 'EntryReplacedBy1764100000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE register_entry ADD COLUMN replaced_by uuid`);
    await q.query(
      `ALTER TABLE register_entry ADD CONSTRAINT fk_register_entry_replaced_by
         FOREIGN KEY (replaced_by) REFERENCES register_entry (id) ON DELETE RESTRICT`,
    );
    await q.query(
      `ALTER TABLE register_entry ADD CONSTRAINT ck_register_entry_replaced_by_iff_replaced
         CHECK ((status = 'replaced') = (replaced_by IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE register_entry DROP COLUMN replaced_by`);
  }
}
