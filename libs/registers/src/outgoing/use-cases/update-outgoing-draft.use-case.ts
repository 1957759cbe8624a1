import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { DeliveryRepository } from '../../deliveries/delivery.repository';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import type { RegisterEntryEntity } from '../../entries/register-entry.entity';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import type { OutgoingMetadata } from '../outgoing-metadata';
import { OutgoingDrafting } from '../outgoing-drafting';
import { assertOutgoing, assertOutgoingStatus, EDITABLE_STATUSES } from '../outgoing-rules';
import { RecipientResolver } from '../recipient-resolver';

export interface UpdateOutgoingDraftInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  changes: Partial<OutgoingMetadata>;
}

/** Edits the fields and recipients of a draft until it is signed; a stale version gets 409. */
@Injectable()
export class UpdateOutgoingDraftUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly drafting: OutgoingDrafting,
    private readonly recipients: RecipientResolver,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateOutgoingDraftInput): Promise<EntryView> {
    const { principal, agencyId, changes } = input;
    authorizeAgency(principal, agencyId, ['specialist', 'leader', 'clerk']);
    const signer = await this.drafting.check(agencyId, changes);
    const recipientRows = changes.recipients
      ? await this.recipients.resolve(agencyId, input.entryId, changes.recipients)
      : null;
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, EDITABLE_STATUSES, 'sửa dự thảo');
      const patch: Partial<RegisterEntryEntity> = { ...signer };
      if (changes.typeCode !== undefined) patch.documentTypeCode = changes.typeCode;
      if (changes.subject !== undefined) patch.subject = changes.subject;
      if (changes.draftingUnitId !== undefined) patch.draftingUnitId = changes.draftingUnitId;
      if (changes.priority !== undefined) patch.priority = changes.priority;
      if (changes.dueDate !== undefined) patch.dueDate = changes.dueDate;
      if (changes.issuedAmount !== undefined) patch.issuedAmount = changes.issuedAmount;
      if (changes.description !== undefined) patch.description = changes.description;
      if (changes.toPlaces !== undefined) patch.toPlaces = changes.toPlaces;
      if (changes.replyToEntryId !== undefined) patch.replyToEntryId = changes.replyToEntryId;
      const saved = await this.entries.save(entry, patch, this.clock.now());
      if (recipientRows) await this.deliveries.replaceRecipients(entry.id, recipientRows);
      await this.audit.record({
        action: 'outgoing.updated',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { fields: Object.keys(changes) },
      });
      return toEntryView(saved);
    });
  }
}
