import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The image a certificate signs with (libs/certificates): a leader's blue signature or an
 * organisation's red seal, transparent PNG (ND30 Phụ lục I). Public material, stored plainly.
 */
export class CertificateAppearance1764100000340 implements MigrationInterface {
  name = 'CertificateAppearance1764100000340';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate ADD COLUMN appearance_png bytea`);
    await q.query(
      `ALTER TABLE certificate ADD CONSTRAINT ck_certificate_appearance_png
         CHECK (appearance_png IS NULL OR substring(appearance_png FROM 1 FOR 8) = '\\x89504e470d0a1a0a'::bytea)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate DROP COLUMN appearance_png`);
  }
}
