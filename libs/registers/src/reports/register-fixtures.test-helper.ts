import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** The columns a fixture sets; everything else takes the table's default or null. */
export interface EntryFixture {
  agencyId: string;
  direction: 'incoming' | 'outgoing';
  status: string;
  entryDate: string;
  registerId?: string | null;
  number?: number | null;
  typeCode?: string;
  codeNumber?: string | null;
  codeNotation?: string | null;
  issuedDate?: string | null;
  subject?: string;
  organName?: string | null;
  signerName?: string | null;
  signerUserId?: string | null;
  dueDate?: string | null;
  source?: string | null;
  leadUnitId?: string | null;
  draftingUnitId?: string | null;
  closedAt?: string | null;
  replyEntryId?: string | null;
  issuedAmount?: number | null;
  pageAmount?: number | null;
  returnReason?: string | null;
  documentIdentifier?: string | null;
}

/**
 * Register rows written straight into the tables, so a spec can state exact expected figures
 * without going through the workflow (which its own specs cover). Test code only.
 */
export const registerFixtures = {
  async register(
    ds: DataSource,
    agencyId: string,
    year: number,
    kind: 'incoming' | 'outgoing' | 'copy',
  ): Promise<string> {
    const names = { incoming: 'văn bản đến', outgoing: 'văn bản đi', copy: 'bản sao văn bản' };
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO register (id, agency_id, year, kind, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [randomUUID(), agencyId, year, kind, `Sổ đăng ký ${names[kind]} năm ${year}`],
    );
    return rows[0].id;
  },

  async entry(ds: DataSource, e: EntryFixture): Promise<string> {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO register_entry (
         id, agency_id, direction, status, register_id, number, year, entry_date, document_type_code,
         code_number, code_notation, issued_date, subject, organ_name, signer_name, signer_user_id, due_date,
         source, lead_unit_id, drafting_unit_id, closed_at, reply_entry_id, issued_amount, page_amount,
         return_reason, document_identifier)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
               $21, $22, $23, $24, $25, $26)`,
      [
        id,
        e.agencyId,
        e.direction,
        e.status,
        e.registerId ?? null,
        e.number ?? null,
        e.registerId ? Number(e.entryDate.slice(0, 4)) : null,
        e.entryDate,
        e.typeCode ?? 'CV',
        e.codeNumber ?? null,
        e.codeNotation ?? null,
        e.issuedDate ?? null,
        e.subject ?? 'Về việc kiểm tra',
        e.organName ?? null,
        e.signerName ?? null,
        e.signerUserId ?? null,
        e.dueDate ?? null,
        e.source ?? null,
        e.leadUnitId ?? null,
        e.draftingUnitId ?? null,
        e.closedAt ?? null,
        e.replyEntryId ?? null,
        e.issuedAmount ?? null,
        e.pageAmount ?? null,
        e.returnReason ?? null,
        e.documentIdentifier ?? null,
      ],
    );
    return id;
  },

  /** A stored-version row (the bytes themselves are not needed by what reads it here). */
  async version(ds: DataSource, agencyId: string, entryId: string, kind: string, seq = 1): Promise<void> {
    await ds.query(
      `INSERT INTO document_version (id, agency_id, entry_id, file_index, file_name, seq, kind, storage_key,
                                     sha256, size_bytes, created_at)
       VALUES ($1, $2, $3, 0, 'van-ban.pdf', $4, $5, $6, $7, 1000, now())`,
      [
        randomUUID(),
        agencyId,
        entryId,
        seq,
        kind,
        `test/${randomUUID()}`,
        createHash('sha256').update(randomUUID()).digest('hex'),
      ],
    );
  },

  async delivery(
    ds: DataSource,
    d: {
      entryId: string;
      senderAgencyId: string;
      channel: string;
      business?: string;
      organName?: string;
      at?: string;
    },
  ): Promise<void> {
    await ds.query(
      `INSERT INTO delivery (id, entry_id, sender_agency_id, channel, business, organ_name, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'delivered', coalesce($7::timestamptz, now()))`,
      [
        randomUUID(),
        d.entryId,
        d.senderAgencyId,
        d.channel,
        d.business ?? 'new',
        d.organName ?? 'Nơi nhận',
        d.at ?? null,
      ],
    );
  },

  async recipient(ds: DataSource, entryId: string, position: number, organName: string): Promise<void> {
    await ds.query(
      `INSERT INTO entry_recipient (id, entry_id, position, kind, organ_name) VALUES ($1, $2, $3, 'paper', $4)`,
      [randomUUID(), entryId, position, organName],
    );
  },

  async assignment(
    ds: DataSource,
    a: {
      entryId: string;
      role: string;
      unitId?: string | null;
      userId?: string | null;
      assignedBy: string;
      at: string;
    },
  ): Promise<void> {
    await ds.query(
      `INSERT INTO assignment (id, entry_id, role, unit_id, user_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), a.entryId, a.role, a.unitId ?? null, a.userId ?? null, a.assignedBy, a.at],
    );
  },

  async note(
    ds: DataSource,
    n: { entryId: string; authorId: string; kind: string; body: string; at: string },
  ): Promise<void> {
    await ds.query(
      `INSERT INTO entry_note (id, entry_id, author_id, kind, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), n.entryId, n.authorId, n.kind, n.body, n.at],
    );
  },
};
