import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, type Page } from '@vanthu/shared';
import type { AuditEventEntity } from '../audit-event.entity';
import { AuditEventRepository } from '../audit-event.repository';

export const AUDIT_EVENTS_DEFAULT_LIMIT = 50;
export const AUDIT_EVENTS_MAX_LIMIT = 500;

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

/**
 * An agency's audit trail, newest first, in keyset pages by sequence number (no total: the trail
 * grows for decades and counting it is not cheap). The caller checks the role.
 */
@Injectable()
export class ListAuditEventsUseCase {
  constructor(private readonly events: AuditEventRepository) {}

  async execute(input: { agencyId: string; cursor?: string; limit?: number }): Promise<Page<AuditEventView>> {
    const limit = Math.min(input.limit ?? AUDIT_EVENTS_DEFAULT_LIMIT, AUDIT_EVENTS_MAX_LIMIT);
    const before = input.cursor ? decodeCursor(input.cursor, ['integer'])[0] : undefined;
    const rows = await this.events.findForAgency(input.agencyId, before, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map(toView),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].seq]) : null,
    };
  }
}

function toView(r: AuditEventEntity): AuditEventView {
  return {
    seq: r.seq,
    occurredAt: r.occurredAt,
    actorName: r.actorName,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    details: r.details,
    requestId: r.requestId,
  };
}
