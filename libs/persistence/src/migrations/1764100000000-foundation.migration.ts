import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies, units, users, roles, sessions, login throttling and the hash-chained audit log. */
export class Foundation1764100000000 implements MigrationInterface {
  name = 'Foundation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code varchar(35) NOT NULL,
        name varchar(200) NOT NULL,
        short_name varchar(100),
        abbreviation varchar(20),
        parent_id uuid,
        level_label varchar(50) NOT NULL,
        successor_code varchar(35),
        hosted boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        address varchar(300),
        email varchar(200),
        phone varchar(30),
        website varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_agency PRIMARY KEY (id),
        CONSTRAINT uq_agency_code UNIQUE (code),
        CONSTRAINT fk_agency_parent FOREIGN KEY (parent_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT ck_agency_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE INDEX ix_agency_parent ON agency (parent_id)`);
    await q.query(`CREATE INDEX ix_agency_hosted ON agency (hosted) WHERE hosted`);

    await q.query(`
      CREATE TABLE unit (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL,
        code varchar(20) NOT NULL,
        name varchar(200) NOT NULL,
        abbreviation varchar(20) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_unit PRIMARY KEY (id),
        CONSTRAINT uq_unit_agency_code UNIQUE (agency_id, code),
        CONSTRAINT fk_unit_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL,
        unit_id uuid,
        username varchar(64) NOT NULL,
        full_name varchar(50) NOT NULL,
        position varchar(100),
        email varchar(200),
        password_hash varchar(255) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_app_user PRIMARY KEY (id),
        CONSTRAINT uq_app_user_username UNIQUE (username),
        CONSTRAINT ck_app_user_username_lower CHECK (username = lower(username)),
        CONSTRAINT fk_app_user_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_id) REFERENCES unit (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_app_user_agency ON app_user (agency_id)`);

    await q.query(`
      CREATE TABLE user_role (
        user_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        role varchar(20) NOT NULL,
        CONSTRAINT pk_user_role PRIMARY KEY (user_id, agency_id, role),
        CONSTRAINT ck_user_role_role CHECK (role IN ('admin', 'clerk', 'leader', 'specialist')),
        CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT fk_user_role_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);
    await q.query(`CREATE INDEX ix_user_role_agency ON user_role (agency_id)`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip varchar(64),
        user_agent varchar(300),
        CONSTRAINT pk_user_session PRIMARY KEY (id),
        CONSTRAINT uq_user_session_token UNIQUE (token_hash),
        CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_user_session_user ON user_session (user_id)`);

    // Throttling is kept per username typed, existing or not, so that the answers for a real and an
    // invented username are the same (no user enumeration through lockout).
    await q.query(`
      CREATE TABLE login_throttle (
        username varchar(64) NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_throttle PRIMARY KEY (username)
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        seq bigint NOT NULL,
        id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        agency_id uuid,
        actor_id uuid,
        actor_name varchar(100),
        action varchar(64) NOT NULL,
        subject_type varchar(40),
        subject_id varchar(64),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id varchar(64),
        ip varchar(64),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT pk_audit_event PRIMARY KEY (seq),
        CONSTRAINT uq_audit_event_id UNIQUE (id)
      )`);
    await q.query(`CREATE INDEX ix_audit_event_agency ON audit_event (agency_id, seq)`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
    for (const table of ['login_throttle', 'user_session', 'user_role', 'app_user', 'unit', 'agency']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
