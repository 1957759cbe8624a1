import { Injectable } from '@nestjs/common';
import { Clock, newId, RequestContext } from '@vanthu/shared';
import { Database } from '@vanthu/persistence';
import { AuditEventRepository, type HeadMove, type NewAuditEventRow } from './audit-event.repository';
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

/** Column sizes of audit_event: longer text would fail the whole commit, so it is cut here. */
const LIMITS = { actorName: 100, requestId: 64, ip: 64 } as const;

/**
 * Appends to the audit log in the caller's transaction (or a transaction of its own when called
 * outside one): the event commits or rolls back with the change it describes. Each agency has its
 * own hash chain (events without an agency go to 'system'), so only transactions of the same
 * agency wait for each other.
 *
 * The events of a transaction are written just before it commits (Database.beforeCommit): then
 * the heads of the chains it touches are locked and read in one statement, the events are hashed
 * in order and inserted with the heads moved in a second, and the locks are held only until the
 * commit right after. A transaction with k events over c chains costs two statements, not 2k or
 * 2c, and heads are locked in chain order, so two transactions touching the same two chains
 * cannot deadlock.
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
      const pending = this.db.transactionState(this, (): EventContent[] => []);
      // the first event since the last flush (a commit hook may record after it) schedules one
      if (pending.length === 0) this.db.beforeCommit(() => this.flush(pending.splice(0)));
      pending.push(content);
    });
  }

  private async flush(pending: readonly EventContent[]): Promise<void> {
    const byChain = new Map<string, EventContent[]>();
    for (const content of pending) {
      const events = byChain.get(content.chain);
      if (events) events.push(content);
      else byChain.set(content.chain, [content]);
    }
    const chains = [...byChain.keys()].sort();
    const heads = await this.events.lockHeads(chains, GENESIS_HASH);
    // Taken once the heads are ours, so timestamps follow each chain's order.
    // Millisecond precision survives the round trip through timestamptz unchanged.
    const occurredAt = new Date(this.clock.now().getTime());
    const moves: HeadMove[] = [];
    const rows: NewAuditEventRow[] = [];
    for (const chain of chains) {
      const events = byChain.get(chain)!;
      const from = heads.get(chain)!;
      let previous = from;
      for (const content of events) {
        const { detailsJson, ...hashed } = content;
        const chainSeq = String(BigInt(previous.chainSeq) + 1n);
        const hash = hashNewAuditEvent({ ...hashed, chainSeq, occurredAt, prevHash: previous.hash });
        rows.push({ ...content, detailsJson, chainSeq, occurredAt, prevHash: previous.hash, hash });
        previous = { chainSeq, hash };
      }
      moves.push({ chain, from, to: previous, count: events.length });
    }
    if (!(await this.events.appendAndMoveHeads(moves, rows))) throw AuditErrors.headMoved(chains.join(', '));
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
