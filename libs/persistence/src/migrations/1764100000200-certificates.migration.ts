import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (libs/certificates): each agency's organisation and personal certificates with their
 * private keys sealed under the node's master key, and the node's trust anchors and CRLs.
 */
export class Certificates1764100000200 implements MigrationInterface {
  name = 'Certificates1764100000200';

  async up(q: QueryRunner): Promise<void> {
    // The sealed key exists exactly while the certificate is active: revoking or replacing one
    // erases its key, so the database keeps no key material it will never use again.
    await q.query(`
      CREATE TABLE certificate (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        owner_user_id uuid,
        kind varchar(20) NOT NULL,
        subject varchar(2000) NOT NULL,
        issuer varchar(2000) NOT NULL,
        serial_number varchar(128) NOT NULL,
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        sha256_fingerprint char(64) NOT NULL,
        certificate_der bytea NOT NULL,
        chain_der bytea[] NOT NULL DEFAULT '{}',
        sealed_key bytea,
        status varchar(20) NOT NULL DEFAULT 'active',
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        revoked_at timestamptz,
        revoked_reason varchar(500),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_certificate PRIMARY KEY (id),
        CONSTRAINT uq_certificate_agency_fingerprint UNIQUE (agency_id, sha256_fingerprint),
        CONSTRAINT fk_certificate_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_certificate_owner FOREIGN KEY (owner_user_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT fk_certificate_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT fk_certificate_replaced_by FOREIGN KEY (replaced_by) REFERENCES certificate (id) ON DELETE RESTRICT,
        CONSTRAINT ck_certificate_kind CHECK (kind IN ('organisation', 'personal')),
        CONSTRAINT ck_certificate_owner_iff_personal CHECK ((kind = 'personal') = (owner_user_id IS NOT NULL)),
        CONSTRAINT ck_certificate_status CHECK (status IN ('active', 'revoked', 'replaced')),
        CONSTRAINT ck_certificate_key_iff_active CHECK ((status = 'active') = (sealed_key IS NOT NULL)),
        CONSTRAINT ck_certificate_replaced_by_iff_replaced CHECK ((status = 'replaced') = (replaced_by IS NOT NULL)),
        CONSTRAINT ck_certificate_revoked_at_iff_revoked CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
        CONSTRAINT ck_certificate_fingerprint_hex CHECK (sha256_fingerprint ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`CREATE INDEX ix_certificate_agency_status ON certificate (agency_id, status)`);
    await q.query(
      `CREATE INDEX ix_certificate_owner ON certificate (owner_user_id) WHERE owner_user_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE trust_anchor (
        id uuid NOT NULL,
        label varchar(200) NOT NULL,
        subject varchar(2000) NOT NULL,
        serial_number varchar(128) NOT NULL,
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        certificate_der bytea NOT NULL,
        sha256_fingerprint char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_trust_anchor PRIMARY KEY (id),
        CONSTRAINT uq_trust_anchor_fingerprint UNIQUE (sha256_fingerprint),
        CONSTRAINT fk_trust_anchor_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE crl (
        id uuid NOT NULL,
        issuer varchar(2000) NOT NULL,
        this_update timestamptz NOT NULL,
        next_update timestamptz,
        revoked_count integer NOT NULL,
        crl_der bytea NOT NULL,
        sha256_fingerprint char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_crl PRIMARY KEY (id),
        CONSTRAINT uq_crl_fingerprint UNIQUE (sha256_fingerprint),
        CONSTRAINT fk_crl_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_crl_issuer_this_update ON crl (issuer, this_update DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['crl', 'trust_anchor', 'certificate']) await q.query(`DROP TABLE ${table}`);
  }
}
