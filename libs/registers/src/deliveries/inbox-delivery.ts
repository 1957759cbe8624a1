import { Injectable } from '@nestjs/common';
import { DocumentStore, type StoredObject } from '@vanthu/documents';
import { Clock, newId } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import type { EntrySource, RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';
import { deliveredVerdict } from '../incoming/verification-policy';
import { WorkflowNotifier } from '../notifications/workflow-notifier';
import { vietnamDate } from '../types/vietnam-date';

/** What travels with the document itself (edXML MessageHeader), not the sender's handling of it. */
export type DeliveredDocumentFields = Pick<
  RegisterEntryEntity,
  | 'documentTypeCode'
  | 'codeNumber'
  | 'codeNotation'
  | 'issuedDate'
  | 'subject'
  | 'organId'
  | 'organName'
  | 'signerPosition'
  | 'signerName'
  | 'priority'
  | 'pageAmount'
  | 'issuedAmount'
  | 'description'
  | 'toPlaces'
  | 'dueDate'
  | 'documentIdentifier'
>;

/**
 * One delivered file: its bytes already in storage (the sender's version on this node, or bytes
 * stored in the caller's transaction, which that transaction references here) and the verification
 * of exactly those bytes; `report` is null for an attachment that is not a PDF (a received
 * document's Word or Excel file), which has no signature to verify and is kept as it came.
 */
export interface DeliveredFile {
  readonly fileIndex: number;
  readonly fileName: string;
  readonly stored: Pick<StoredObject, 'sha256' | 'sizeBytes'>;
  /** application/pdf for a PDF (with its report); another type only with `report: null` */
  readonly mediaType: string;
  readonly report: VerificationReport | null;
}

export interface InboxDeliveryInput {
  /** the recipient agency hosted here */
  readonly agencyId: string;
  readonly fields: DeliveredDocumentFields;
  readonly files: readonly DeliveredFile[];
  /** local: the sender's delivery row; exchange: the consignment id (the sender's delivery id) */
  readonly source: Extract<EntrySource, 'local' | 'exchange'>;
  readonly sourceDeliveryId: string;
  /** the recipient's outgoing entry this document answers (ResponseFor), if any */
  readonly replyToEntryId: string | null;
}

/**
 * The receiver side of every delivery, whether the document comes from an agency on this node or
 * from another node: a new entry in the recipient's inbox (status 'received', fields prefilled by
 * the sender, arrival time now), its files as versions of kind 'received' with their verification
 * reports, the worst verdict on the entry, and a notification to the recipient's clerks. Takes values, not the sender's rows, so that both
 * paths end here.
 */
@Injectable()
export class InboxDelivery {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly documents: DocumentStore,
    private readonly notifier: WorkflowNotifier,
    private readonly clock: Clock,
  ) {}

  async deliver(input: InboxDeliveryInput): Promise<string> {
    const now = this.clock.now();
    const id = newId();
    const arrived = await this.entries.insert({
      ...UNSET_ENTRY_FIELDS,
      ...input.fields,
      id,
      agencyId: input.agencyId,
      direction: 'incoming',
      status: 'received',
      entryDate: vietnamDate(now),
      source: input.source,
      sourceDeliveryId: input.sourceDeliveryId,
      arrivalAt: now,
      // every PDF is checked on arrival; the entry shows the worst of them (none checked: not confirmed)
      verificationVerdict: deliveredVerdict(input.files.map((f) => f.report?.verdict ?? null)),
      replyToEntryId: input.replyToEntryId,
      createdAt: now,
    });
    for (const file of input.files) {
      await this.documents.linkVersion(
        {
          agencyId: input.agencyId,
          entryId: id,
          fileIndex: file.fileIndex,
          fileName: file.fileName,
          kind: 'received',
          createdBy: null,
          mediaType: file.mediaType,
          verificationVerdict: file.report?.verdict ?? null,
          verificationReport: (file.report as unknown as object) ?? null,
        },
        file.stored,
      );
    }
    // the recipient's clerks hear of it, however it came
    await this.notifier.arrived(arrived, now);
    return id;
  }
}
