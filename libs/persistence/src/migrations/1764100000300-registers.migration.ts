import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ND30 document types with their notation abbreviations (domain.md §2); Công văn has none. */
const DOCUMENT_TYPES: readonly [code: string, name: string, abbreviation: string | null][] = [
  ['NQ', 'Nghị quyết', 'NQ'],
  ['QD', 'Quyết định', 'QĐ'],
  ['CT', 'Chỉ thị', 'CT'],
  ['QC', 'Quy chế', 'QC'],
  ['QYD', 'Quy định', 'QyĐ'],
  ['TC', 'Thông cáo', 'TC'],
  ['TB', 'Thông báo', 'TB'],
  ['HD', 'Hướng dẫn', 'HD'],
  ['CTR', 'Chương trình', 'CTr'],
  ['KH', 'Kế hoạch', 'KH'],
  ['PA', 'Phương án', 'PA'],
  ['DEA', 'Đề án', 'ĐA'],
  ['DA', 'Dự án', 'DA'],
  ['BC', 'Báo cáo', 'BC'],
  ['BB', 'Biên bản', 'BB'],
  ['TTR', 'Tờ trình', 'TTr'],
  ['HDG', 'Hợp đồng', 'HĐ'],
  ['CD', 'Công điện', 'CĐ'],
  ['BGN', 'Bản ghi nhớ', 'BGN'],
  ['BTT', 'Bản thỏa thuận', 'BTT'],
  ['GUQ', 'Giấy ủy quyền', 'GUQ'],
  ['GM', 'Giấy mời', 'GM'],
  ['GGT', 'Giấy giới thiệu', 'GGT'],
  ['GNP', 'Giấy nghỉ phép', 'GNP'],
  ['PG', 'Phiếu gửi', 'PG'],
  ['PC', 'Phiếu chuyển', 'PC'],
  ['PB', 'Phiếu báo', 'PB'],
  ['CV', 'Công văn', null],
];

/**
 * Registers (libs/registers) and document files (libs/documents): numbering series per agency and
 * year, the register entries of both directions in one table (search and reports span both),
 * recipients and deliveries (the exchange outbox), assignments, notes, notifications, case files,
 * and the immutable versions of every PDF.
 */
export class Registers1764100000300 implements MigrationInterface {
  name = 'Registers1764100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_type (
        code varchar(10) NOT NULL,
        name varchar(100) NOT NULL,
        abbreviation varchar(10),
        sort_order smallint NOT NULL,
        CONSTRAINT pk_document_type PRIMARY KEY (code)
      )`);
    for (const [index, [code, name, abbreviation]] of DOCUMENT_TYPES.entries()) {
      await q.query(
        'INSERT INTO document_type (code, name, abbreviation, sort_order) VALUES ($1, $2, $3, $4)',
        [code, name, abbreviation, index + 1],
      );
    }

    await q.query(`
      CREATE TABLE register_setting (
        agency_id uuid NOT NULL,
        outgoing_series varchar(10) NOT NULL DEFAULT 'single',
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_register_setting PRIMARY KEY (agency_id),
        CONSTRAINT fk_register_setting_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE,
        CONSTRAINT ck_register_setting_series CHECK (outgoing_series IN ('single', 'per_type'))
      )`);

    // next_number is the series: taking a number is an UPDATE of this row inside the issuing
    // transaction, so the row lock orders concurrent issues and a rollback gives the number back.
    await q.query(`
      CREATE TABLE register (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        year smallint NOT NULL,
        kind varchar(10) NOT NULL,
        document_type_code varchar(10),
        name varchar(200) NOT NULL,
        next_number integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_register PRIMARY KEY (id),
        CONSTRAINT uq_register_series UNIQUE NULLS NOT DISTINCT (agency_id, year, kind, document_type_code),
        CONSTRAINT fk_register_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_register_document_type FOREIGN KEY (document_type_code) REFERENCES document_type (code),
        CONSTRAINT ck_register_kind CHECK (kind IN ('incoming', 'outgoing', 'copy')),
        CONSTRAINT ck_register_year CHECK (year BETWEEN 2000 AND 2999),
        CONSTRAINT ck_register_next_number CHECK (next_number >= 1)
      )`);

    await q.query(`
      CREATE TABLE register_entry (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        direction varchar(10) NOT NULL,
        status varchar(20) NOT NULL,
        register_id uuid,
        number integer,
        year smallint,
        entry_date date NOT NULL,
        document_type_code varchar(10) NOT NULL,
        code_number varchar(11),
        code_notation varchar(30),
        issued_date date,
        subject varchar(500) NOT NULL,
        organ_id varchar(35),
        organ_name varchar(200),
        signer_user_id uuid,
        signer_position varchar(100),
        signer_name varchar(50),
        priority varchar(12) NOT NULL DEFAULT 'normal',
        page_amount smallint,
        issued_amount smallint,
        description varchar(500),
        to_places varchar(1000),
        due_date date,
        document_identifier varchar(120),
        source varchar(10),
        source_delivery_id uuid,
        arrival_at timestamptz,
        verification_verdict varchar(20),
        verification_overridden boolean NOT NULL DEFAULT false,
        duplicate_of uuid,
        drafting_unit_id uuid,
        reply_to_entry_id uuid,
        lead_unit_id uuid,
        lead_user_id uuid,
        closed_at timestamptz,
        closed_by uuid,
        close_note varchar(500),
        reply_entry_id uuid,
        return_reason varchar(500),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        search_text text NOT NULL DEFAULT '',
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
        CONSTRAINT pk_register_entry PRIMARY KEY (id),
        CONSTRAINT uq_register_entry_number UNIQUE (register_id, number),
        CONSTRAINT uq_register_entry_source_delivery UNIQUE (source_delivery_id),
        CONSTRAINT fk_register_entry_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_register_entry_register FOREIGN KEY (register_id) REFERENCES register (id) ON DELETE RESTRICT,
        CONSTRAINT fk_register_entry_document_type FOREIGN KEY (document_type_code) REFERENCES document_type (code),
        CONSTRAINT fk_register_entry_signer FOREIGN KEY (signer_user_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT fk_register_entry_drafting_unit FOREIGN KEY (drafting_unit_id) REFERENCES unit (id) ON DELETE RESTRICT,
        CONSTRAINT fk_register_entry_reply_to FOREIGN KEY (reply_to_entry_id) REFERENCES register_entry (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_reply FOREIGN KEY (reply_entry_id) REFERENCES register_entry (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES register_entry (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_lead_unit FOREIGN KEY (lead_unit_id) REFERENCES unit (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_lead_user FOREIGN KEY (lead_user_id) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT fk_register_entry_closed_by FOREIGN KEY (closed_by) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT ck_register_entry_direction CHECK (direction IN ('incoming', 'outgoing')),
        CONSTRAINT ck_register_entry_status CHECK (status IN (
          'draft', 'reviewing', 'approving', 'approved', 'signed', 'issued', 'recalled', 'replaced',
          'received', 'registered', 'assigned', 'in_progress', 'closed', 'returned')),
        CONSTRAINT ck_register_entry_priority CHECK (priority IN ('normal', 'urgent', 'very_urgent', 'flash')),
        CONSTRAINT ck_register_entry_source CHECK (source IS NULL OR source IN ('upload', 'local', 'exchange')),
        CONSTRAINT ck_register_entry_number_iff_register CHECK ((register_id IS NULL) = (number IS NULL)),
        CONSTRAINT ck_register_entry_number_positive CHECK (number IS NULL OR number >= 1)
      )`);
    await q.query(`CREATE INDEX ix_register_entry_search ON register_entry USING gin (search_vector)`);
    await q.query(
      `CREATE INDEX ix_register_entry_agency_date ON register_entry (agency_id, entry_date DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ix_register_entry_open_due ON register_entry (agency_id, due_date)
        WHERE due_date IS NOT NULL AND status IN ('registered', 'assigned', 'in_progress')`,
    );
    await q.query(
      `CREATE INDEX ix_register_entry_identifier ON register_entry (agency_id, document_identifier)
        WHERE document_identifier IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_register_entry_notation ON register_entry (agency_id, code_number, code_notation)
        WHERE code_number IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE entry_recipient (
        id uuid NOT NULL,
        entry_id uuid NOT NULL,
        position smallint NOT NULL,
        kind varchar(10) NOT NULL,
        unit_id uuid,
        agency_id uuid,
        organ_id varchar(35),
        organ_name varchar(200) NOT NULL,
        CONSTRAINT pk_entry_recipient PRIMARY KEY (id),
        CONSTRAINT uq_entry_recipient_position UNIQUE (entry_id, position),
        CONSTRAINT fk_entry_recipient_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE,
        CONSTRAINT fk_entry_recipient_unit FOREIGN KEY (unit_id) REFERENCES unit (id) ON DELETE RESTRICT,
        CONSTRAINT fk_entry_recipient_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT ck_entry_recipient_kind CHECK (kind IN ('unit', 'agency', 'paper')),
        CONSTRAINT ck_entry_recipient_target CHECK (
          (kind = 'unit' AND unit_id IS NOT NULL) OR (kind = 'agency' AND organ_id IS NOT NULL) OR kind = 'paper')
      )`);

    // One row per recipient and business event: the outbox the exchange module sends from.
    await q.query(`
      CREATE TABLE delivery (
        id uuid NOT NULL,
        entry_id uuid NOT NULL,
        recipient_id uuid,
        sender_agency_id uuid NOT NULL,
        channel varchar(10) NOT NULL,
        business varchar(10) NOT NULL DEFAULT 'new',
        reason varchar(500),
        target_agency_id uuid,
        organ_id varchar(35),
        organ_name varchar(200) NOT NULL,
        state varchar(12) NOT NULL,
        status_code char(2),
        status_description varchar(500),
        status_at timestamptz,
        incoming_entry_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_delivery PRIMARY KEY (id),
        CONSTRAINT fk_delivery_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE RESTRICT,
        CONSTRAINT fk_delivery_recipient FOREIGN KEY (recipient_id) REFERENCES entry_recipient (id) ON DELETE RESTRICT,
        CONSTRAINT fk_delivery_sender FOREIGN KEY (sender_agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_delivery_target FOREIGN KEY (target_agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT ck_delivery_channel CHECK (channel IN ('local', 'exchange', 'paper', 'internal')),
        CONSTRAINT ck_delivery_business CHECK (business IN ('new', 'revoke', 'update', 'replace')),
        CONSTRAINT ck_delivery_state CHECK (state IN ('pending', 'delivered', 'sent', 'failed', 'not_sent')),
        CONSTRAINT ck_delivery_status_code CHECK (status_code IS NULL OR status_code ~ '^[0-9]{2}$')
      )`);
    await q.query(`CREATE INDEX ix_delivery_entry ON delivery (entry_id)`);
    await q.query(`CREATE INDEX ix_delivery_pending ON delivery (created_at) WHERE state = 'pending'`);

    await q.query(`
      CREATE TABLE delivery_status (
        id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        code char(2) NOT NULL,
        description varchar(500),
        staff_name varchar(100),
        at timestamptz NOT NULL,
        CONSTRAINT pk_delivery_status PRIMARY KEY (id),
        CONSTRAINT fk_delivery_status_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_delivery_status_delivery ON delivery_status (delivery_id, at)`);

    await q.query(`
      CREATE TABLE assignment (
        id uuid NOT NULL,
        entry_id uuid NOT NULL,
        role varchar(10) NOT NULL,
        unit_id uuid,
        user_id uuid,
        deadline date,
        instructions varchar(1000),
        assigned_by uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        completed_at timestamptz,
        CONSTRAINT pk_assignment PRIMARY KEY (id),
        CONSTRAINT fk_assignment_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE,
        CONSTRAINT fk_assignment_unit FOREIGN KEY (unit_id) REFERENCES unit (id) ON DELETE RESTRICT,
        CONSTRAINT fk_assignment_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT fk_assignment_assigned_by FOREIGN KEY (assigned_by) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT ck_assignment_role CHECK (role IN ('lead', 'cooperate', 'inform')),
        CONSTRAINT ck_assignment_target CHECK (unit_id IS NOT NULL OR user_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_assignment_entry ON assignment (entry_id)`);
    await q.query(`CREATE INDEX ix_assignment_user ON assignment (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_assignment_unit ON assignment (unit_id) WHERE unit_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE entry_note (
        id uuid NOT NULL,
        entry_id uuid NOT NULL,
        author_id uuid NOT NULL,
        kind varchar(12) NOT NULL,
        body varchar(2000) NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_entry_note PRIMARY KEY (id),
        CONSTRAINT fk_entry_note_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE,
        CONSTRAINT fk_entry_note_author FOREIGN KEY (author_id) REFERENCES app_user (id) ON DELETE RESTRICT,
        CONSTRAINT ck_entry_note_kind CHECK (kind IN ('progress', 'opinion', 'comment', 'review', 'return'))
      )`);
    await q.query(`CREATE INDEX ix_entry_note_entry ON entry_note (entry_id, created_at)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        agency_id uuid NOT NULL,
        kind varchar(30) NOT NULL,
        entry_id uuid,
        title varchar(600) NOT NULL,
        dedupe_key varchar(120),
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT pk_notification PRIMARY KEY (id),
        CONSTRAINT uq_notification_dedupe UNIQUE (user_id, dedupe_key),
        CONSTRAINT fk_notification_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_notification_user ON notification (user_id, created_at DESC)`);

    // Every stored PDF, one row per version; rows are never updated (recall may delete them).
    await q.query(`
      CREATE TABLE document_version (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        entry_id uuid NOT NULL,
        file_index smallint NOT NULL,
        file_name varchar(255) NOT NULL,
        seq smallint NOT NULL,
        kind varchar(20) NOT NULL,
        storage_key varchar(200) NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes bigint NOT NULL,
        verification_verdict varchar(20),
        verification_report jsonb,
        created_by uuid,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_document_version PRIMARY KEY (id),
        CONSTRAINT uq_document_version_seq UNIQUE (entry_id, file_index, seq),
        CONSTRAINT fk_document_version_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT,
        CONSTRAINT fk_document_version_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE,
        CONSTRAINT fk_document_version_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT ck_document_version_kind CHECK (kind IN (
          'original', 'upload', 'personal_signed', 'issued', 'attachment_signed', 'received')),
        CONSTRAINT ck_document_version_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(`
      CREATE FUNCTION document_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'document_version rows are immutable' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_document_version_immutable BEFORE UPDATE ON document_version
        FOR EACH ROW EXECUTE FUNCTION document_version_immutable()`);

    await q.query(`
      CREATE TABLE case_file (
        id uuid NOT NULL,
        agency_id uuid NOT NULL,
        code varchar(20) NOT NULL,
        title varchar(500) NOT NULL,
        year smallint NOT NULL,
        keeper varchar(100) NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_case_file PRIMARY KEY (id),
        CONSTRAINT uq_case_file_code UNIQUE (agency_id, year, code),
        CONSTRAINT fk_case_file_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE case_file_entry (
        case_file_id uuid NOT NULL,
        entry_id uuid NOT NULL,
        added_at timestamptz NOT NULL,
        CONSTRAINT pk_case_file_entry PRIMARY KEY (case_file_id, entry_id),
        CONSTRAINT fk_case_file_entry_file FOREIGN KEY (case_file_id) REFERENCES case_file (id) ON DELETE CASCADE,
        CONSTRAINT fk_case_file_entry_entry FOREIGN KEY (entry_id) REFERENCES register_entry (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_case_file_entry_entry ON case_file_entry (entry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'case_file_entry',
      'case_file',
      'document_version',
      'notification',
      'entry_note',
      'assignment',
      'delivery_status',
      'delivery',
      'entry_recipient',
      'register_entry',
      'register',
      'register_setting',
      'document_type',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query('DROP FUNCTION IF EXISTS document_version_immutable()');
  }
}
