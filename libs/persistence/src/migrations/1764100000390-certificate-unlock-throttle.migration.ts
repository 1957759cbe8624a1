import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (libs/certificates): the passphrase throttle of each certificate, its own table so
 * that a try is reserved in one statement before the passphrase is tried (issue 13 §2). The P12
 * counts kept so far in login_throttle (`p12:<id>` rows) are not carried over: a lock running at
 * the upgrade ends with it.
 */
export class CertificateUnlockThrottle1764100000390 implements MigrationInterface {
  name = 'CertificateUnlockThrottle1764100000390';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_unlock_throttle (
        certificate_id uuid NOT NULL,
        period_id uuid NOT NULL,
        tries integer NOT NULL,
        pending integer NOT NULL,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_certificate_unlock_throttle PRIMARY KEY (certificate_id),
        CONSTRAINT fk_certificate_unlock_throttle_certificate FOREIGN KEY (certificate_id)
          REFERENCES certificate (id) ON DELETE CASCADE,
        CONSTRAINT ck_certificate_unlock_throttle_counts CHECK (pending >= 0 AND pending <= tries)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_unlock_throttle`);
  }
}
