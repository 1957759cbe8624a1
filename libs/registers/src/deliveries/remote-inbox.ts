import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import type { VerificationReport } from '@vanthu/signing';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { type DeliveredDocumentFields, InboxDelivery } from './inbox-delivery';
import { InboxRecall } from './inbox-recall';
import { InboxUpdate, type IssuedCorrections } from './inbox-update';
import { RemoteDeliveryRepository } from './remote-delivery.repository';

/** A received file: a PDF with its verification, or another attachment (`report: null`) with its type. */
export interface RemoteDocumentFile {
  readonly fileIndex: number;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly report: VerificationReport | null;
}

export interface RemoteDocumentInput {
  /** the consignment it came in: the incoming entry's sourceDeliveryId (unique, so a repeat finds it) */
  readonly consignmentId: string;
  readonly agencyId: string;
  readonly fields: DeliveredDocumentFields;
  readonly files: readonly RemoteDocumentFile[];
  /** documents it answers (ResponseFor), by the agency that sent each and its identifier */
  readonly responseFor: readonly { readonly organId: string; readonly documentId: string }[];
}

/**
 * The receiver side of documents that come from other nodes, for the exchange module (through the
 * port the application wires): they end in the same InboxDelivery / InboxRecall / InboxUpdate as
 * documents from agencies on this node.
 */
@Injectable()
export class RemoteInbox {
  constructor(
    private readonly remote: RemoteDeliveryRepository,
    private readonly documents: DocumentStore,
    private readonly inbox: InboxDelivery,
    private readonly recalls: InboxRecall,
    private readonly updates: InboxUpdate,
  ) {}

  /** The new inbox entry's id; the existing one when this consignment was delivered before. */
  async receive(input: RemoteDocumentInput): Promise<string> {
    const existing = await this.remote.findBySourceDelivery(input.consignmentId);
    if (existing) return existing.id;
    // every object claimed in one statement and written at once (a document may bring 500 files)
    const stored = await this.documents.storeAll(input.files.map((file) => file.bytes));
    const files = input.files.map((file, i) => ({
      fileIndex: file.fileIndex,
      fileName: file.fileName,
      stored: stored[i],
      mediaType: file.mediaType,
      report: file.report,
    }));
    let replyToEntryId: string | null = null;
    for (const answered of input.responseFor) {
      const original = await this.remote.findOutgoingByIdentifier(input.agencyId, answered.documentId);
      if (original) replyToEntryId = original.id;
    }
    return this.inbox.deliver({
      agencyId: input.agencyId,
      fields: input.fields,
      files,
      source: 'exchange',
      sourceDeliveryId: input.consignmentId,
      replyToEntryId,
    });
  }

  /** The agency's entry for a document received by exchange (the target of a revoke or update). */
  findReceived(agencyId: string, documentIdentifier: string): Promise<RegisterEntryEntity[]> {
    return this.remote.findReceived(agencyId, documentIdentifier);
  }

  recall(agencyId: string, entryId: string, reason: string, notice?: string): Promise<void> {
    return this.recalls.recall(agencyId, entryId, reason, notice);
  }

  update(agencyId: string, entryId: string, changes: IssuedCorrections, reason: string): Promise<boolean> {
    return this.updates.apply(agencyId, entryId, changes, reason, null);
  }
}
