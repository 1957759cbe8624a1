import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@vanthu/shared';
import { Database } from '@vanthu/persistence';
import type { EntityManager } from 'typeorm';
import { AuditEventRepository, type NewAuditEventRow } from './audit-event.repository';
import { GENESIS_HASH, type HashedAuditFields, hashNewAuditEvent, SYSTEM_CHAIN } from './audit-hash';
import { AuditErrors } from './audit.errors';

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

/** An event's content, known before its place in the chain is; `detailsJson` is what jsonb stores. */
type EventContent = Omit<HashedAuditFields, 'seq' | 'chainSeq' | 'occurredAt' | 'prevHash'> & {
  detailsJson: string;
};

/** Each open transaction's events not yet written (keyed by its EntityManager, one per transaction). */
const pendingByTransaction = new WeakMap<EntityManager, EventContent[]>();

/** Column sizes of audit_event: longer text would fail the whole commit, so it is cut here. */
const LIMITS = { actorName: 100, requestId: 64, ip: 64 } as const;

/**
 * Appends to the audit log in the caller's transaction (or a transaction of its own when called
 * outside one): the event commits or rolls back with the change it describes. Each agency has its
 * own hash chain (events without an agency go to 'system'), so only transactions of the same
 * agency wait for each other.
 *
 * The events of a transaction are written just before it commits (Database.beforeCommit): then
 * the chain's head row is locked and read, the events are hashed in order and inserted with the
 * head moved in one statement, and the lock is held only until the commit right after. A
 * transaction with k events of one agency costs two statements, not 2k, and heads are locked in
 * chain order, so two transactions touching the same two chains cannot deadlock.
 */
@Injectable()
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly events: AuditEventRepository,
    private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord): Promise<void> {
    const content = this.contentOf(record);
    await this.db.transaction(async () => {
      const manager = this.db.manager;
      const pending = pendingByTransaction.get(manager);
      if (pending) {
        pending.push(content);
        return;
      }
      pendingByTransaction.set(manager, [content]);
      this.db.beforeCommit(() => this.flush(manager));
    });
  }

  private async flush(manager: EntityManager): Promise<void> {
    const pending = pendingByTransaction.get(manager) ?? [];
    pendingByTransaction.delete(manager);
    const byChain = new Map<string, EventContent[]>();
    for (const content of pending) {
      const events = byChain.get(content.chain);
      if (events) events.push(content);
      else byChain.set(content.chain, [content]);
    }
    for (const chain of [...byChain.keys()].sort()) await this.append(chain, byChain.get(chain)!);
  }

  private async append(chain: string, contents: EventContent[]): Promise<void> {
    const head = await this.events.lockHead(chain, GENESIS_HASH);
    // Taken once the head is ours, so timestamps follow the chain's order.
    // Millisecond precision survives the round trip through timestamptz unchanged.
    const occurredAt = new Date(this.clock.now().getTime());
    let previous = head;
    const rows: NewAuditEventRow[] = contents.map((content) => {
      const { detailsJson, ...hashed } = content;
      const chainSeq = String(BigInt(previous.chainSeq) + 1n);
      const hash = hashNewAuditEvent({ ...hashed, chainSeq, occurredAt, prevHash: previous.hash });
      const row = { ...content, detailsJson, chainSeq, occurredAt, prevHash: previous.hash, hash };
      previous = { chainSeq, hash };
      return row;
    });
    if (!(await this.events.appendAndMoveHead(head, rows))) throw AuditErrors.headMoved(chain);
  }

  private contentOf(record: AuditRecord): EventContent {
    // PostgreSQL prints uuids in lower case; hash what the verifier will read back.
    const agencyId = record.agencyId?.toLowerCase() ?? null;
    // Hash exactly what jsonb will hold (a Date becomes its ISO string, undefined disappears).
    const detailsJson = JSON.stringify(record.details ?? {});
    const context = RequestContext.current();
    return {
      chain: agencyId ?? SYSTEM_CHAIN,
      id: newId(),
      agencyId,
      actorId: record.actor?.id ?? null,
      actorName: record.actor?.name?.slice(0, LIMITS.actorName) ?? null,
      action: record.action,
      subjectType: record.subjectType ?? null,
      subjectId: record.subjectId ?? null,
      details: JSON.parse(detailsJson) as unknown,
      detailsJson,
      requestId: context?.requestId?.slice(0, LIMITS.requestId) ?? null,
      ip: context?.ip?.slice(0, LIMITS.ip) ?? null,
    };
  }
}
