import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { FollowUpDeliveries } from '../../deliveries/follow-up-deliveries';
import { type IssuedCorrections, LocalUpdate } from '../../deliveries/local-update';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';

export interface UpdateIssuedOutgoingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  changes: IssuedCorrections;
  reason: string;
}

/**
 * Cập nhật: corrects the metadata of an issued document (never its signed PDF, which stays as
 * issued). The register keeps the corrected fields, the audit event keeps the old ones, and every
 * original recipient gets an update delivery; recipients here get the correction at once.
 */
@Injectable()
export class UpdateIssuedOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly followUps: FollowUpDeliveries,
    private readonly localUpdate: LocalUpdate,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateIssuedOutgoingInput): Promise<EntryView> {
    const { principal, agencyId, changes } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, ['issued'], 'cập nhật');
      const before = Object.fromEntries(
        Object.keys(changes).map((k) => [k, entry[k as keyof IssuedCorrections]]),
      );
      const recipients = await this.followUps.send(entry.id, 'update', input.reason, (original, followUp) =>
        this.localUpdate.apply(original, followUp, changes, input.reason, principal.userId),
      );
      const saved = await this.entries.save(entry, changes, this.clock.now());
      await this.audit.record({
        action: 'outgoing.updated_after_issue',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { before, after: changes, reason: input.reason, recipients },
      });
      return toEntryView(saved);
    });
  }
}
