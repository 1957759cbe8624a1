import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { FollowUpDeliveries } from '../../deliveries/follow-up-deliveries';
import { LocalRecall } from '../../deliveries/local-recall';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, numberNotationOf, toEntryView } from '../../entries/entry-view';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { RegistersErrors } from '../../registers.errors';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';

export interface ReplaceOutgoingInput {
  principal: Principal;
  agencyId: string;
  /** The issued document being replaced. */
  entryId: string;
  version: number;
  /** The issued document that replaces it (issued and released the usual way). */
  replacementEntryId: string;
  reason: string;
}

/**
 * Thay thế: an issued document is replaced by another one the agency has issued. The old one is
 * frozen with a link to its replacement; each original recipient gets a replace delivery, and a
 * recipient here destroys the old document (keeping the record) since the new one reaches it by its
 * own delivery.
 */
@Injectable()
export class ReplaceOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly followUps: FollowUpDeliveries,
    private readonly localRecall: LocalRecall,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReplaceOutgoingInput): Promise<EntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, ['issued'], 'thay thế');
      const replacement = await this.entries.findInAgency(agencyId, input.replacementEntryId);
      if (
        !replacement ||
        replacement.direction !== 'outgoing' ||
        replacement.status !== 'issued' ||
        replacement.id === entry.id
      )
        throw RegistersErrors.replacementInvalid();
      const by = numberNotationOf(replacement);
      const recipients = await this.followUps.send(entry.id, 'replace', input.reason, (original, followUp) =>
        this.localRecall.recall(
          original,
          followUp,
          input.reason,
          `Văn bản đã được thay thế bằng văn bản số ${by}; nội dung và tệp của văn bản cũ đã được hủy.`,
        ),
      );
      const now = this.clock.now();
      const saved = await this.entries.save(
        entry,
        { status: 'replaced', replacedBy: replacement.id, closeNote: input.reason },
        now,
      );
      await this.audit.record({
        action: 'outgoing.replaced',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { replacedBy: replacement.id, replacement: by, reason: input.reason, recipients },
      });
      return toEntryView(saved);
    });
  }
}
