import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * exchange (docs/exchange.md): the installation's exchange identity, its peers and routes, the
 * idempotent inbound store, the outbound queue (one row per consignment and next hop) and the hub's
 * mailbox for poll-only nodes. `delivery.packaged_at` marks the deliveries the outbox has turned
 * into a package, so the build worker's claim needs no knowledge of the exchange tables.
 */
export class Exchange1764100000500 implements MigrationInterface {
  name = 'Exchange1764100000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exchange_identity (
        id uuid NOT NULL,
        name varchar(63) NOT NULL,
        certificate_der bytea NOT NULL,
        chain_der bytea[] NOT NULL DEFAULT '{}',
        sealed_key bytea NOT NULL,
        sha256_fingerprint char(64) NOT NULL,
        agency_codes varchar(35)[] NOT NULL DEFAULT '{}',
        source varchar(10) NOT NULL,
        active boolean NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_exchange_identity PRIMARY KEY (id),
        CONSTRAINT ck_exchange_identity_source CHECK (source IN ('demo', 'import'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_exchange_identity_active ON exchange_identity (active) WHERE active`,
    );

    await q.query(`
      CREATE TABLE exchange_peer (
        id uuid NOT NULL,
        name varchar(63) NOT NULL,
        role varchar(4) NOT NULL,
        base_url varchar(500),
        poll boolean NOT NULL DEFAULT false,
        certificate_der bytea NOT NULL,
        sha256_fingerprint char(64) NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        failures integer NOT NULL DEFAULT 0,
        probe_at timestamptz,
        opened_at timestamptz,
        last_error varchar(500),
        last_success_at timestamptz,
        updated_at timestamptz NOT NULL,
        CONSTRAINT pk_exchange_peer PRIMARY KEY (id),
        CONSTRAINT uq_exchange_peer_name UNIQUE (name),
        CONSTRAINT ck_exchange_peer_role CHECK (role IN ('hub', 'node')),
        CONSTRAINT ck_exchange_peer_failures CHECK (failures >= 0)
      )`);

    await q.query(`
      CREATE TABLE exchange_route (
        agency_code varchar(35) NOT NULL,
        peer_id uuid NOT NULL,
        CONSTRAINT pk_exchange_route PRIMARY KEY (agency_code),
        CONSTRAINT fk_exchange_route_peer FOREIGN KEY (peer_id) REFERENCES exchange_peer (id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE exchange_inbound (
        consignment_id uuid NOT NULL,
        sha256 char(64) NOT NULL,
        size bigint NOT NULL,
        storage_key varchar(300) NOT NULL,
        kind varchar(6) NOT NULL,
        business varchar(10),
        status_code char(2),
        from_code varchar(100),
        to_code varchar(100),
        document_id varchar(300),
        agency_id uuid,
        received_from_peer uuid,
        receipt text NOT NULL,
        received_at timestamptz NOT NULL,
        state varchar(10) NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        lease_until timestamptz,
        error_code varchar(60),
        error_message varchar(1000),
        processed_at timestamptz,
        CONSTRAINT pk_exchange_inbound PRIMARY KEY (consignment_id),
        CONSTRAINT fk_exchange_inbound_peer FOREIGN KEY (received_from_peer) REFERENCES exchange_peer (id) ON DELETE SET NULL,
        CONSTRAINT ck_exchange_inbound_kind CHECK (kind IN ('edoc', 'status')),
        CONSTRAINT ck_exchange_inbound_state CHECK (state IN ('received', 'processed', 'held', 'rejected', 'forwarded'))
      )`);
    // a replay is the same bytes under a new id: looked up by content
    await q.query(`CREATE INDEX ix_exchange_inbound_sha256 ON exchange_inbound (sha256)`);
    await q.query(
      `CREATE INDEX ix_exchange_inbound_due ON exchange_inbound (next_attempt_at) WHERE state = 'received'`,
    );
    await q.query(
      `CREATE INDEX ix_exchange_inbound_held ON exchange_inbound (document_id) WHERE state = 'held'`,
    );

    await q.query(`
      CREATE TABLE exchange_outbound (
        id uuid NOT NULL,
        consignment_id uuid NOT NULL,
        peer_id uuid NOT NULL,
        storage_key varchar(300) NOT NULL,
        sha256 char(64) NOT NULL,
        size bigint NOT NULL,
        kind varchar(6) NOT NULL,
        business varchar(10),
        status_code char(2),
        to_code varchar(100),
        delivery_id uuid,
        agency_id uuid,
        answers_consignment uuid,
        state varchar(10) NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        ambiguous boolean NOT NULL DEFAULT false,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        first_queued_at timestamptz NOT NULL,
        sent_at timestamptz,
        receipt text,
        last_error_code varchar(60),
        last_error varchar(1000),
        CONSTRAINT pk_exchange_outbound PRIMARY KEY (id),
        CONSTRAINT uq_exchange_outbound_consignment_peer UNIQUE (consignment_id, peer_id),
        CONSTRAINT fk_exchange_outbound_peer FOREIGN KEY (peer_id) REFERENCES exchange_peer (id) ON DELETE RESTRICT,
        CONSTRAINT ck_exchange_outbound_kind CHECK (kind IN ('edoc', 'status')),
        CONSTRAINT ck_exchange_outbound_state CHECK (state IN ('queued', 'sending', 'sent', 'rejected', 'dead')),
        CONSTRAINT ck_exchange_outbound_attempts CHECK (attempts >= 0)
      )`);
    await q.query(
      `CREATE INDEX ix_exchange_outbound_due ON exchange_outbound (next_attempt_at)
        WHERE state IN ('queued', 'sending')`,
    );
    await q.query(
      `CREATE INDEX ix_exchange_outbound_delivery ON exchange_outbound (delivery_id) WHERE delivery_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_exchange_outbound_dead ON exchange_outbound (agency_id, first_queued_at) WHERE state = 'dead'`,
    );
    await q.query(
      `CREATE INDEX ix_exchange_outbound_answers ON exchange_outbound (answers_consignment, status_code)
        WHERE answers_consignment IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE exchange_mailbox (
        seq bigserial NOT NULL,
        peer_id uuid NOT NULL,
        consignment_id uuid NOT NULL,
        storage_key varchar(300) NOT NULL,
        sha256 char(64) NOT NULL,
        size bigint NOT NULL,
        state varchar(8) NOT NULL,
        created_at timestamptz NOT NULL,
        acked_at timestamptz,
        ack_receipt text,
        CONSTRAINT pk_exchange_mailbox PRIMARY KEY (seq),
        CONSTRAINT uq_exchange_mailbox_peer_consignment UNIQUE (peer_id, consignment_id),
        CONSTRAINT fk_exchange_mailbox_peer FOREIGN KEY (peer_id) REFERENCES exchange_peer (id) ON DELETE RESTRICT,
        CONSTRAINT ck_exchange_mailbox_state CHECK (state IN ('waiting', 'acked'))
      )`);
    // the poll: one index range scan however many items wait for other peers
    await q.query(
      `CREATE INDEX ix_exchange_mailbox_waiting ON exchange_mailbox (peer_id, seq) WHERE state = 'waiting'`,
    );

    // every status package this installation sent, by the consignment it answers: its occurrence
    // number (and so its consignment id) is taken here under the answered consignment's lock
    await q.query(`
      CREATE TABLE exchange_status_sent (
        answers_consignment uuid NOT NULL,
        status_code char(2) NOT NULL,
        occurrence integer NOT NULL,
        consignment_id uuid NOT NULL,
        sent_at timestamptz NOT NULL,
        CONSTRAINT pk_exchange_status_sent PRIMARY KEY (answers_consignment, status_code, occurrence),
        CONSTRAINT uq_exchange_status_sent_consignment UNIQUE (consignment_id)
      )`);

    // a correction received from another node is noted by nobody on this one
    await q.query(`ALTER TABLE entry_note ALTER COLUMN author_id DROP NOT NULL`);

    await q.query(`ALTER TABLE delivery ADD COLUMN packaged_at timestamptz`);
    await q.query(
      `CREATE INDEX ix_delivery_unpackaged ON delivery (created_at)
        WHERE channel = 'exchange' AND state = 'pending' AND packaged_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_delivery_unpackaged`);
    await q.query(`ALTER TABLE delivery DROP COLUMN packaged_at`);
    await q.query(`DELETE FROM entry_note WHERE author_id IS NULL`);
    await q.query(`ALTER TABLE entry_note ALTER COLUMN author_id SET NOT NULL`);
    for (const table of [
      'exchange_status_sent',
      'exchange_mailbox',
      'exchange_outbound',
      'exchange_inbound',
      'exchange_route',
      'exchange_peer',
      'exchange_identity',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
