import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import type { Principal } from '@vanthu/identity';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { DELIVERY_STATUS, DeliveryStatusReporter } from '../deliveries/delivery-status.reporter';
import { numberNotationOf } from '../entries/entry-view';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';

export type CloseActor = Pick<Principal, 'userId' | 'username' | 'fullName'>;

/** An outgoing document can answer an incoming one once it is issued (it has its number). */
export function assertUsableReply(reply: RegisterEntryEntity | null, agencyId: string): RegisterEntryEntity {
  if (!reply || reply.agencyId !== agencyId || reply.direction !== 'outgoing' || reply.status !== 'issued')
    throw RegistersErrors.replyInvalid();
  return reply;
}

/**
 * Ends the handling of an incoming entry the caller has locked: closed with the reply that answered
 * it or the leader's note, its open assignments completed, the sender told (status 06) and the
 * event audited, all in the caller's transaction.
 */
@Injectable()
export class IncomingCloser {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly assignments: AssignmentRepository,
    private readonly reporter: DeliveryStatusReporter,
    private readonly audit: AuditLog,
  ) {}

  async close(
    entry: RegisterEntryEntity,
    how: { reply: RegisterEntryEntity | null; note: string | null; actor: CloseActor; at: Date },
  ): Promise<RegisterEntryEntity> {
    const { reply, note, actor, at } = how;
    const saved = await this.entries.save(
      entry,
      {
        status: 'closed',
        closedAt: at,
        closedBy: actor.userId,
        closeNote: note,
        replyEntryId: reply?.id ?? null,
      },
      at,
    );
    await this.assignments.completeOpen(entry.id, at);
    const replyNotation = reply ? numberNotationOf(reply) : null;
    const description = reply
      ? `Đã xử lý xong, trả lời bằng văn bản số ${replyNotation ?? ''}`.trim()
      : `Đã xử lý xong: ${note ?? ''}`.slice(0, 500);
    await this.reporter.report(saved, DELIVERY_STATUS.completed, description, actor.fullName);
    await this.audit.record({
      action: 'incoming.closed',
      agencyId: entry.agencyId,
      actor: { id: actor.userId, name: actor.username },
      subjectType: 'entry',
      subjectId: entry.id,
      details: {
        from: entry.status,
        replyEntryId: reply?.id ?? null,
        replyNumberNotation: replyNotation,
        note,
      },
    });
    return saved;
  }
}
