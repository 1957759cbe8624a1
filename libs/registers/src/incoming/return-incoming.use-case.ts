import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { DELIVERY_STATUS, DeliveryStatusReporter } from '../deliveries/delivery-status.reporter';
import { auditActorOf } from '../entries/entry-actor';
import { type EntryView, toEntryView } from '../entries/entry-view';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { assertIncoming, assertIncomingStatus } from './incoming-rules';

export interface ReturnIncomingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  reason: string;
}

/**
 * Returns a document to its sender (wrong recipient, failed authenticity check) with the reason,
 * reported to the sender as status 02. A registered entry keeps its arrival number: numbers are
 * never reused, and the register shows the document as returned.
 */
@Injectable()
export class ReturnIncomingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly reporter: DeliveryStatusReporter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReturnIncomingInput): Promise<EntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    const reason = input.reason.trim();
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertIncoming(entry);
      assertIncomingStatus(entry, ['received', 'registered'], 'trả lại');
      const now = this.clock.now();
      const saved = await this.entries.save(entry, { status: 'returned', returnReason: reason }, now);
      await this.reporter.report(saved, DELIVERY_STATUS.rejected, reason, principal.fullName);
      await this.audit.record({
        action: 'incoming.returned',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { from: entry.status, reason },
      });
      return toEntryView(saved);
    });
  }
}
