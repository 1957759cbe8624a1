import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { FollowUpDeliveries } from '../../deliveries/follow-up-deliveries';
import { LocalRecall } from '../../deliveries/local-recall';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';

export interface RecallOutgoingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  reason: string;
}

/**
 * Thu hồi: the sender's copy is frozen (status 'recalled', every later change refused) and one
 * revoke delivery per original recipient is recorded for the exchange module; recipients on this
 * node destroy the document at once and report status 15.
 */
@Injectable()
export class RecallOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly followUps: FollowUpDeliveries,
    private readonly localRecall: LocalRecall,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: RecallOutgoingInput): Promise<EntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, ['issued'], 'thu hồi');
      const now = this.clock.now();
      const recipients = await this.followUps.send(entry.id, 'revoke', input.reason, (original, revoke) =>
        this.localRecall.recall(original, revoke, input.reason),
      );
      const saved = await this.entries.save(entry, { status: 'recalled', closeNote: input.reason }, now);
      await this.audit.record({
        action: 'outgoing.recalled',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { reason: input.reason, recipients },
      });
      return toEntryView(saved);
    });
  }
}
