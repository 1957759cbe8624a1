import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@vanthu/shared';
import { Database } from '@vanthu/persistence';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventRepository } from './audit-event.repository';
import { GENESIS_HASH, hashAuditEvent } from './audit-hash';

export interface AuditActor {
  id: string | null;
  name: string | null;
}

export interface AuditRecord {
  action: string;
  agencyId?: string | null;
  actor?: AuditActor;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to the hash-chained audit log in the caller's transaction (or a transaction of its own
 * when called outside one): the event commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly events: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord): Promise<void> {
    await this.db.transaction(async () => {
      await this.events.lockChain();
      const last = await this.events.findLast();
      const context = RequestContext.current();
      const event = new AuditEventEntity();
      event.seq = String(last ? BigInt(last.seq) + 1n : 1n);
      event.id = newId();
      // Millisecond precision survives the round trip through timestamptz unchanged.
      event.occurredAt = new Date(this.clock.now().getTime());
      event.agencyId = record.agencyId ?? null;
      event.actorId = record.actor?.id ?? null;
      event.actorName = record.actor?.name ?? null;
      event.action = record.action;
      event.subjectType = record.subjectType ?? null;
      event.subjectId = record.subjectId ?? null;
      event.details = record.details ?? {};
      event.requestId = context?.requestId ?? null;
      event.ip = context?.ip ?? null;
      event.prevHash = last?.hash ?? GENESIS_HASH;
      event.hash = hashAuditEvent(event);
      await this.events.insert(event);
    });
  }
}
