import { Injectable } from '@nestjs/common';
import { DocumentStore, type DocumentVersionEntity } from '@vanthu/documents';
import { Clock, newId } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';
import { worstVerdict } from '../incoming/verification-policy';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { vietnamDate } from '../types/vietnam-date';
import { DELIVERY_STATUS } from './delivery-status.reporter';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';

export interface DeliveredFiles {
  versions: DocumentVersionEntity[];
  /** Verifies one delivered file; called at the first local recipient, once per file. */
  report: (version: DocumentVersionEntity) => Promise<VerificationReport>;
}

/**
 * Delivery to an agency hosted on this node: the document appears in the recipient's inbox
 * (status 'received', fields prefilled, files shared with the sender's without copying) and the
 * sender's delivery records status 01 (arrived) at once. The exchange module's receiving side
 * ends in this same step for documents that came from other nodes.
 */
@Injectable()
export class LocalDelivery {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly documents: DocumentStore,
    private readonly notifier: WorkflowNotifier,
    private readonly clock: Clock,
  ) {}

  /**
   * When the document answers one the recipient sent (ResponseFor), the recipient's new incoming
   * entry points at that original outgoing entry, so the sender sees the reply linked.
   */
  private async answeredAtTarget(
    outgoing: RegisterEntryEntity,
    targetAgencyId: string,
  ): Promise<string | null> {
    if (!outgoing.replyToEntryId) return null;
    const answered = await this.entries.findById(outgoing.replyToEntryId);
    if (!answered?.sourceDeliveryId) return null;
    const original = await this.deliveries.findById(answered.sourceDeliveryId);
    return original && original.senderAgencyId === targetAgencyId ? original.entryId : null;
  }

  async deliver(
    outgoing: RegisterEntryEntity,
    delivery: DeliveryEntity,
    files: DeliveredFiles,
  ): Promise<string> {
    const now = this.clock.now();
    const id = newId();
    const reports = new Map<string, VerificationReport>();
    for (const version of files.versions) reports.set(version.id, await files.report(version));
    const arrived = await this.entries.insert({
      ...UNSET_ENTRY_FIELDS,
      ...pickDocumentFields(outgoing),
      id,
      agencyId: delivery.targetAgencyId!,
      direction: 'incoming',
      status: 'received',
      entryDate: vietnamDate(now),
      source: 'local',
      sourceDeliveryId: delivery.id,
      arrivalAt: now,
      // every file is checked on arrival; the entry shows the worst of them
      verificationVerdict: worstVerdict([...reports.values()].map((r) => r.verdict)),
      replyToEntryId: await this.answeredAtTarget(outgoing, delivery.targetAgencyId!),
      createdAt: now,
    });
    for (const version of files.versions) {
      const report = reports.get(version.id)!;
      await this.documents.linkVersion(
        {
          agencyId: delivery.targetAgencyId!,
          entryId: id,
          fileIndex: version.fileIndex,
          fileName: version.fileName,
          kind: 'received',
          createdBy: null,
          verificationVerdict: report.verdict,
          verificationReport: report as unknown as object,
        },
        version,
      );
    }
    await this.deliveries.update(delivery.id, { incomingEntryId: id, state: 'delivered', updatedAt: now });
    await this.notifier.arrived(arrived, now);
    await this.deliveries.addStatus(delivery.id, DELIVERY_STATUS.arrived, 'Đã nhận', null, now);
    return id;
  }
}

/** What travels with the document itself (edXML MessageHeader), not the sender's handling of it. */
function pickDocumentFields(e: RegisterEntryEntity) {
  return {
    documentTypeCode: e.documentTypeCode,
    codeNumber: e.codeNumber,
    codeNotation: e.codeNotation,
    issuedDate: e.issuedDate,
    subject: e.subject,
    organId: e.organId,
    organName: e.organName,
    signerPosition: e.signerPosition,
    signerName: e.signerName,
    priority: e.priority,
    pageAmount: e.pageAmount,
    issuedAmount: e.issuedAmount,
    description: e.description,
    toPlaces: e.toPlaces,
    dueDate: e.dueDate,
    documentIdentifier: e.documentIdentifier,
  };
}
