import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * identity: login attempts counted per username and source address (source '*' is the username
 * from every source), replacing the per-username lock of login_throttle, which let anyone lock a
 * known account. login_throttle keeps the P12 passphrase counters (`p12:<certificate>`).
 */
export class LoginAttempts1764100000420 implements MigrationInterface {
  name = 'LoginAttempts1764100000420';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempt (
        username varchar(64) NOT NULL,
        source varchar(64) NOT NULL,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        next_allowed_at timestamptz,
        CONSTRAINT pk_login_attempt PRIMARY KEY (username, source),
        CONSTRAINT ck_login_attempt_attempts CHECK (attempts >= 0)
      )`);
    await q.query(`DELETE FROM login_throttle WHERE username NOT LIKE 'p12:%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempt`);
  }
}
