import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { AgencyRepository } from '@vanthu/directory';
import { authorizeAgency, type Principal, UserRepository } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { DeliveryRepository } from '../../deliveries/delivery.repository';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { UNSET_ENTRY_FIELDS } from '../../entries/unset-entry-fields';
import { RegistersErrors } from '../../registers.errors';
import { vietnamDate } from '../../types/vietnam-date';
import type { OutgoingMetadata, UploadedPdf } from '../outgoing-metadata';
import { OutgoingDrafting } from '../outgoing-drafting';
import { OutgoingFiles } from '../outgoing-files';
import { RecipientResolver } from '../recipient-resolver';

export interface CreateOutgoingDraftInput {
  principal: Principal;
  agencyId: string;
  metadata: OutgoingMetadata;
  file: UploadedPdf | undefined;
  attachments: UploadedPdf[];
}

/**
 * A draft outgoing document: the PDF (and attachments in separate files), its fields and its
 * recipients. Specialists, leaders and clerks draft; the original upload is kept as version 1.
 */
@Injectable()
export class CreateOutgoingDraftUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly drafting: OutgoingDrafting,
    private readonly recipients: RecipientResolver,
    private readonly files: OutgoingFiles,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateOutgoingDraftInput): Promise<EntryView> {
    const { principal, agencyId, metadata } = input;
    authorizeAgency(principal, agencyId, ['specialist', 'leader', 'clerk']);
    if (!input.file) throw RegistersErrors.fileRequired();
    const [main, ...attachments] = this.files.check([input.file, ...input.attachments]);
    const signer = await this.drafting.check(agencyId, metadata);
    const agency = (await this.agencies.findById(agencyId))!;
    const me = await this.users.findById(principal.userId);
    const now = this.clock.now();
    const id = newId();
    const recipientRows = await this.recipients.resolve(agencyId, id, metadata.recipients);
    return this.db.transaction(async () => {
      const entry = await this.entries.insert({
        ...UNSET_ENTRY_FIELDS,
        id,
        agencyId,
        direction: 'outgoing',
        status: 'draft',
        entryDate: vietnamDate(now),
        documentTypeCode: metadata.typeCode,
        subject: metadata.subject,
        organId: agency.code,
        organName: agency.name,
        signerUserId: signer.signerUserId ?? null,
        signerPosition: signer.signerPosition ?? null,
        signerName: signer.signerName ?? null,
        priority: metadata.priority ?? 'normal',
        pageAmount: main.pageCount,
        issuedAmount: metadata.issuedAmount ?? null,
        description: metadata.description ?? null,
        toPlaces: metadata.toPlaces ?? null,
        dueDate: metadata.dueDate ?? null,
        draftingUnitId: metadata.draftingUnitId ?? me?.unitId ?? null,
        replyToEntryId: metadata.replyToEntryId ?? null,
        createdBy: principal.userId,
        createdAt: now,
      });
      await this.deliveries.insertRecipients(recipientRows);
      await this.files.store(agencyId, id, 0, main, 'original', principal.userId);
      for (const [i, attachment] of attachments.entries()) {
        await this.files.store(agencyId, id, i + 1, attachment, 'original', principal.userId);
      }
      await this.audit.record({
        action: 'outgoing.drafted',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: id,
        details: {
          typeCode: metadata.typeCode,
          attachments: attachments.length,
          recipients: recipientRows.length,
        },
      });
      return toEntryView(entry);
    });
  }
}
