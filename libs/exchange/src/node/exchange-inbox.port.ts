import type { VerificationReport } from '@vanthu/signing';
import type { RegisterPriorityName } from './exchange-outbox.port';

/** A received document in the registers' field names, within their column sizes. */
export interface ReceivedDocumentFields {
  readonly documentTypeCode: string;
  readonly codeNumber: string | null;
  readonly codeNotation: string | null;
  readonly issuedDate: string | null;
  readonly subject: string;
  readonly organId: string | null;
  readonly organName: string | null;
  readonly signerPosition: string | null;
  readonly signerName: string | null;
  readonly priority: RegisterPriorityName;
  readonly pageAmount: number | null;
  readonly issuedAmount: number | null;
  readonly description: string | null;
  readonly toPlaces: string | null;
  readonly dueDate: string | null;
  readonly documentIdentifier: string | null;
}

export interface ReceivedDocument {
  readonly consignmentId: string;
  readonly agencyId: string;
  readonly fields: ReceivedDocumentFields;
  /** PDFs first with their verification; other attachments with their type and `report: null` */
  readonly files: readonly {
    readonly fileIndex: number;
    readonly fileName: string;
    readonly bytes: Buffer;
    readonly mediaType: string;
    readonly report: VerificationReport | null;
  }[];
  readonly responseFor: readonly { readonly organId: string; readonly documentId: string }[];
}

export interface StatusTarget {
  readonly deliveryId: string;
  readonly business: string;
  readonly organId: string | null;
  readonly senderAgencyId: string;
}

/**
 * What a received document, revoke, update, replace or status does on this node: owned by
 * exchange, implemented by the application with the registers' receiver-side services (the same
 * code local deliveries end in). Every method runs in the caller's transaction.
 */
export abstract class ExchangeInboxPort {
  /** The inbox entry (a repeat of the consignment finds the one created before). */
  abstract receive(document: ReceivedDocument): Promise<string>;
  /** Entries received by exchange under this document identifier, newest first. */
  abstract findReceived(
    agencyId: string,
    documentIdentifier: string,
  ): Promise<readonly { readonly id: string; readonly status: string; readonly organId: string | null }[]>;
  abstract recall(agencyId: string, entryId: string, reason: string, notice?: string): Promise<void>;
  /** false: the entry no longer takes corrections (recalled or returned) */
  abstract update(
    agencyId: string,
    entryId: string,
    changes: {
      subject?: string;
      dueDate?: string | null;
      toPlaces?: string | null;
      description?: string | null;
      priority?: RegisterPriorityName;
    },
    reason: string,
  ): Promise<boolean>;
  /** This node's exchange deliveries of a document sent by `senderAgencyId`. */
  abstract statusCandidates(senderAgencyId: string, documentIdentifier: string): Promise<StatusTarget[]>;
  abstract applyStatus(input: {
    deliveryId: string;
    code: string;
    description: string | null;
    staffName: string | null;
    at: Date;
  }): Promise<'applied' | 'recorded' | 'ignored'>;
}
