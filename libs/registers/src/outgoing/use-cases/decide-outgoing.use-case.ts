import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, hasRole, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { auditActorOf } from '../../entries/entry-actor';
import type { OutgoingStatus, RegisterEntryEntity } from '../../entries/register-entry.entity';
import { EntryNoteRepository } from '../../entries/entry-note.repository';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { WorkflowNotifier } from '../../notifications/workflow-notifier';
import { RegistersErrors } from '../../registers.errors';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';

/**
 * submit: the drafter sends the draft for review; forward: the unit head (a leader of the agency)
 * passes it to the signer; approve: the signer approves it for signing; return: the reviewer or the
 * signer sends it back to the drafter with a comment.
 */
export type OutgoingDecision = 'submit' | 'forward' | 'approve' | 'return';

const STEPS: Record<OutgoingDecision, { from: OutgoingStatus[]; to: OutgoingStatus; label: string }> = {
  submit: { from: ['draft'], to: 'reviewing', label: 'trình duyệt' },
  forward: { from: ['reviewing'], to: 'approving', label: 'chuyển người ký duyệt' },
  approve: { from: ['approving'], to: 'approved', label: 'duyệt' },
  return: { from: ['reviewing', 'approving', 'approved'], to: 'draft', label: 'trả lại dự thảo' },
};

export interface DecideOutgoingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  decision: OutgoingDecision;
  comment?: string;
}

@Injectable()
export class DecideOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly notes: EntryNoteRepository,
    private readonly notifier: WorkflowNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: DecideOutgoingInput): Promise<EntryView> {
    const { principal, agencyId, decision } = input;
    authorizeAgency(principal, agencyId, []);
    const step = STEPS[decision];
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, step.from, step.label);
      this.authorize(principal, agencyId, decision, entry.status, entry.signerUserId);
      if (decision === 'return' && !input.comment) throw RegistersErrors.commentRequired();
      const now = this.clock.now();
      const saved = await this.entries.save(entry, { status: step.to }, now);
      if (input.comment) {
        await this.notes.add(
          entry.id,
          principal.userId,
          decision === 'return' ? 'return' : 'review',
          input.comment,
          now,
        );
      }
      await this.notify(decision, saved, principal.userId, now);
      await this.audit.record({
        action: `outgoing.${decision}`,
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { from: entry.status, to: step.to },
      });
      return toEntryView(saved);
    });
  }

  /** Whom the step hands the draft to (the approval itself tells no one: the signer signs next). */
  private async notify(decision: OutgoingDecision, saved: RegisterEntryEntity, actorId: string, at: Date) {
    if (decision === 'submit') await this.notifier.submitted(saved, actorId, at);
    else if (decision === 'forward') await this.notifier.forwarded(saved, actorId, at);
    else if (decision === 'return') await this.notifier.returned(saved, actorId, at);
  }

  private authorize(
    principal: Principal,
    agencyId: string,
    decision: OutgoingDecision,
    status: string,
    signerUserId: string | null,
  ): void {
    const isSigner = signerUserId === principal.userId;
    if (decision === 'submit') {
      if (!hasRole(principal, agencyId, 'specialist', 'leader', 'clerk'))
        throw RegistersErrors.forbidden('Bạn không có quyền trình dự thảo.');
    } else if (decision === 'forward' || (decision === 'return' && status === 'reviewing')) {
      if (!hasRole(principal, agencyId, 'leader'))
        throw RegistersErrors.forbidden('Chỉ lãnh đạo đơn vị mới được xem xét dự thảo.');
    } else if (!isSigner) {
      throw RegistersErrors.notSigner();
    }
  }
}
