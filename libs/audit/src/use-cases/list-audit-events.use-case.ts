import { Injectable } from '@nestjs/common';
import { AuditEventRepository } from '../audit-event.repository';

export interface AuditEventView {
  seq: string;
  occurredAt: Date;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

/** An agency's audit trail, newest first, paged by sequence number. The caller checks the role. */
@Injectable()
export class ListAuditEventsUseCase {
  constructor(private readonly events: AuditEventRepository) {}

  async execute(input: { agencyId: string; beforeSeq?: string; limit?: number }): Promise<AuditEventView[]> {
    const rows = await this.events.findForAgency(
      input.agencyId,
      input.beforeSeq,
      Math.min(input.limit ?? 50, 500),
    );
    return rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurredAt,
      actorName: r.actorName,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      details: r.details,
      requestId: r.requestId,
    }));
  }
}
