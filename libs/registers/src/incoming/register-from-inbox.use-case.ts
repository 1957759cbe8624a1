import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore, type DocumentVersionEntity, PDF_MEDIA_TYPE } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { DELIVERY_STATUS, DeliveryStatusReporter } from '../deliveries/delivery-status.reporter';
import { auditActorOf } from '../entries/entry-actor';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { NumberAllocator, numberingGroup } from '../numbering/number-allocator';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { formatDocumentNumber } from '../types/notation';
import { vietnamDate, vietnamYear } from '../types/vietnam-date';
import { IncomingDuplicateGuard } from './incoming-duplicate.guard';
import { checkIncomingDates, type IncomingMetadataChanges, incomingFields } from './incoming-metadata';
import { assertIncoming, assertIncomingStatus } from './incoming-rules';
import { type IncomingEntryView, toIncomingEntryView } from './incoming-view';
import { acceptVerification, worstVerdict } from './verification-policy';

export interface RegisterFromInboxInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  changes: IncomingMetadataChanges;
  confirmDuplicate?: boolean;
  overrideVerification?: boolean;
}

/**
 * Registers a document delivered to the inbox (metadata prefilled by the sender, files verified on
 * arrival): the clerk may correct the metadata; the arrival number is taken in the same transaction,
 * and the sender is told it was registered (status 03).
 */
@Injectable()
export class RegisterFromInboxUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly numbers: NumberAllocator,
    private readonly types: DocumentTypeRepository,
    private readonly duplicates: IncomingDuplicateGuard,
    private readonly documents: DocumentStore,
    private readonly reporter: DeliveryStatusReporter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: RegisterFromInboxInput): Promise<IncomingEntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    return this.db.groupTransaction(numberingGroup(agencyId, 'incoming'), async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertIncoming(entry);
      assertIncomingStatus(entry, ['received'], 'vào sổ');
      const now = this.clock.now();
      // The register lists documents by registration: the arrival number and its date go together.
      const arrivalDate = vietnamDate(now);
      const fields = incomingFields(input.changes, entry);
      await this.types.get(fields.documentTypeCode);
      checkIncomingDates(fields, arrivalDate);

      const files = await this.documents.latest(entry.id);
      const verdict = entry.verificationVerdict ?? this.verdictOfFiles(files);
      const overridden = acceptVerification(verdict, input.overrideVerification ?? false);
      const duplicateOf = await this.duplicates.check(
        agencyId,
        { ...fields, documentIdentifier: entry.documentIdentifier },
        input.confirmDuplicate ?? false,
        entry.id,
      );
      const arrival = await this.numbers.takeArrival(agencyId, vietnamYear(now));
      const saved = await this.entries.save(
        entry,
        {
          ...fields,
          status: 'registered',
          registerId: arrival.registerId,
          number: arrival.number,
          year: arrival.year,
          entryDate: arrivalDate,
          verificationVerdict: verdict,
          verificationOverridden: overridden,
          duplicateOf,
        },
        now,
      );
      const arrivalNumber = formatDocumentNumber(arrival.number);
      await this.reporter.report(
        saved,
        DELIVERY_STATUS.registered,
        `Đã vào sổ văn bản đến, số đến ${arrivalNumber}`,
        principal.fullName,
      );
      await this.audit.record({
        action: 'incoming.registered',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: {
          source: entry.source,
          arrivalNumber: arrival.number,
          year: arrival.year,
          verdict,
          verificationOverridden: overridden,
          duplicateOf,
          corrected: this.changedFields(entry, saved),
        },
      });
      return toIncomingEntryView(saved, files);
    });
  }

  /**
   * A delivery recorded without a verdict is treated as unverified: the policy fails closed. Only
   * PDFs carry signatures; a received Word or Excel attachment has none to check.
   */
  private verdictOfFiles(files: readonly DocumentVersionEntity[]): string {
    const pdfs = files.filter((f) => f.mediaType === PDF_MEDIA_TYPE);
    if (pdfs.length === 0) return 'indeterminate';
    return worstVerdict(pdfs.map((f) => f.verificationVerdict ?? 'indeterminate'));
  }

  private changedFields(before: RegisterEntryEntity, after: RegisterEntryEntity): string[] {
    const keys = [
      'documentTypeCode',
      'codeNumber',
      'codeNotation',
      'issuedDate',
      'subject',
      'organId',
      'organName',
      'signerPosition',
      'signerName',
      'priority',
      'toPlaces',
      'dueDate',
      'pageAmount',
      'description',
    ] as const;
    return keys.filter((k) => before[k] !== after[k]);
  }
}
