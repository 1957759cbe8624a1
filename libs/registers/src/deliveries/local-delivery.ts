import { Injectable } from '@nestjs/common';
import type { DocumentVersionEntity } from '@vanthu/documents';
import { Clock } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { DELIVERY_STATUS } from './delivery-status.reporter';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { type DeliveredDocumentFields, InboxDelivery } from './inbox-delivery';

export interface DeliveredFiles {
  versions: DocumentVersionEntity[];
  /** Verifies one delivered file; called at the first local recipient, once per file. */
  report: (version: DocumentVersionEntity) => Promise<VerificationReport>;
}

/**
 * Delivery to an agency hosted on this node: the document enters the recipient's inbox through
 * the receiver side every delivery ends in (InboxDelivery; files shared with the sender's without
 * copying) and the sender's delivery records status 01 (arrived) at once.
 */
@Injectable()
export class LocalDelivery {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly inbox: InboxDelivery,
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
    if (!answered?.sourceDeliveryId || answered.source !== 'local') return null;
    const original = await this.deliveries.findById(answered.sourceDeliveryId);
    return original && original.senderAgencyId === targetAgencyId ? original.entryId : null;
  }

  async deliver(
    outgoing: RegisterEntryEntity,
    delivery: DeliveryEntity,
    files: DeliveredFiles,
  ): Promise<string> {
    const reports = new Map<string, VerificationReport>();
    for (const version of files.versions) reports.set(version.id, await files.report(version));
    const id = await this.inbox.deliver({
      agencyId: delivery.targetAgencyId!,
      fields: pickDocumentFields(outgoing),
      files: files.versions.map((version) => ({
        fileIndex: version.fileIndex,
        fileName: version.fileName,
        stored: version,
        mediaType: version.mediaType,
        report: reports.get(version.id)!,
      })),
      source: 'local',
      sourceDeliveryId: delivery.id,
      replyToEntryId: await this.answeredAtTarget(outgoing, delivery.targetAgencyId!),
    });
    const now = this.clock.now();
    await this.deliveries.update(delivery.id, { incomingEntryId: id, state: 'delivered', updatedAt: now });
    await this.deliveries.addStatus(delivery.id, DELIVERY_STATUS.arrived, 'Đã nhận', null, now);
    return id;
  }
}

/** What travels with the document itself (edXML MessageHeader), not the sender's handling of it. */
export function pickDocumentFields(e: RegisterEntryEntity): DeliveredDocumentFields {
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
