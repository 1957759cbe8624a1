import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

/** A date in Vietnam (UTC+7, no daylight saving) from a timestamptz, as `YYYY-MM-DD`. */
const vnDate = (column: string) =>
  `to_char((${column} AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

/** One incoming entry with what its register line needs, dates as `YYYY-MM-DD`. */
export interface IncomingRegisterLine {
  number: number;
  entryDate: string;
  organName: string | null;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  typeName: string;
  subject: string;
  status: string;
  returnReason: string | null;
  /** Lead units and people (chủ trì), in assignment order. */
  leadNames: string | null;
  firstAssignedDate: string | null;
  dueDate: string | null;
  lastProgress: string | null;
  replyCodeNumber: string | null;
  replyCodeNotation: string | null;
}

export interface OutgoingRegisterLine {
  number: number;
  entryDate: string;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  typeName: string;
  subject: string;
  status: string;
  signerName: string | null;
  recipientNames: string | null;
  draftingUnitName: string | null;
  issuedAmount: number | null;
  releasedDate: string | null;
}

/**
 * The lines of a register, in number order, with the names the printed form shows resolved in
 * SQL (one statement each, lateral joins): a year of a busy agency is thousands of lines.
 */
@Injectable()
export class RegisterRowsRepository {
  constructor(private readonly db: Database) {}

  incoming(agencyId: string, registerId: string): Promise<IncomingRegisterLine[]> {
    return this.db.manager.query(
      `SELECT e.number,
              e.entry_date::text AS "entryDate",
              e.organ_name AS "organName",
              e.code_number AS "codeNumber",
              e.code_notation AS "codeNotation",
              e.issued_date::text AS "issuedDate",
              t.name AS "typeName",
              e.subject,
              e.status,
              e.return_reason AS "returnReason",
              lead.names AS "leadNames",
              ${vnDate('lead.first_at')} AS "firstAssignedDate",
              e.due_date::text AS "dueDate",
              progress.body AS "lastProgress",
              reply.code_number AS "replyCodeNumber",
              reply.code_notation AS "replyCodeNotation"
         FROM register_entry e
         JOIN document_type t ON t.code = e.document_type_code
         LEFT JOIN LATERAL (
           SELECT string_agg(
                    CASE WHEN u.name IS NOT NULL AND p.full_name IS NOT NULL THEN u.name || ' (' || p.full_name || ')'
                         ELSE coalesce(u.name, p.full_name) END,
                    '; ' ORDER BY a.assigned_at, a.id) AS names,
                  min(a.assigned_at) AS first_at
             FROM assignment a
             LEFT JOIN unit u ON u.id = a.unit_id
             LEFT JOIN app_user p ON p.id = a.user_id
            WHERE a.entry_id = e.id AND a.role = 'lead'
         ) lead ON true
         LEFT JOIN LATERAL (
           SELECT n.body FROM entry_note n
            WHERE n.entry_id = e.id AND n.kind = 'progress'
            ORDER BY n.created_at DESC, n.id DESC LIMIT 1
         ) progress ON true
         LEFT JOIN register_entry reply ON reply.id = e.reply_entry_id
        WHERE e.agency_id = $1 AND e.register_id = $2
        ORDER BY e.number`,
      [agencyId, registerId],
    );
  }

  outgoing(agencyId: string, registerId: string): Promise<OutgoingRegisterLine[]> {
    return this.db.manager.query(
      `SELECT e.number,
              e.entry_date::text AS "entryDate",
              e.code_number AS "codeNumber",
              e.code_notation AS "codeNotation",
              e.issued_date::text AS "issuedDate",
              t.name AS "typeName",
              e.subject,
              e.status,
              coalesce(e.signer_name, signer.full_name) AS "signerName",
              recipients.names AS "recipientNames",
              unit.name AS "draftingUnitName",
              e.issued_amount AS "issuedAmount",
              ${vnDate('released.at')} AS "releasedDate"
         FROM register_entry e
         JOIN document_type t ON t.code = e.document_type_code
         LEFT JOIN app_user signer ON signer.id = e.signer_user_id
         LEFT JOIN unit ON unit.id = e.drafting_unit_id
         LEFT JOIN LATERAL (
           SELECT string_agg(r.organ_name, '; ' ORDER BY r.position) AS names
             FROM entry_recipient r WHERE r.entry_id = e.id
         ) recipients ON true
         LEFT JOIN LATERAL (
           SELECT min(d.created_at) AS at FROM delivery d WHERE d.entry_id = e.id AND d.business = 'new'
         ) released ON true
        WHERE e.agency_id = $1 AND e.register_id = $2
        ORDER BY e.number`,
      [agencyId, registerId],
    );
  }
}
