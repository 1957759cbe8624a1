import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { auditActorOf } from '../entries/entry-actor';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { NumberAllocator, numberingGroup } from '../numbering/number-allocator';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { vietnamDate, vietnamYear } from '../types/vietnam-date';
import { IncomingDuplicateGuard } from './incoming-duplicate.guard';
import { type IncomingFile, IncomingFilesVerifier } from './incoming-files.verifier';
import { checkIncomingDates, type IncomingMetadata, incomingFields } from './incoming-metadata';
import { type IncomingEntryView, toIncomingEntryView } from './incoming-view';
import { acceptVerification, worstVerdict } from './verification-policy';

export interface RegisterIncomingInput {
  principal: Principal;
  agencyId: string;
  file: IncomingFile;
  attachments: IncomingFile[];
  metadata: IncomingMetadata;
  confirmDuplicate?: boolean;
  overrideVerification?: boolean;
}

/** ND30 PageAmount has three digits; a longer count is left for the clerk to enter. */
const MAX_PAGE_AMOUNT = 999;

/**
 * Registers a document received on paper or by e-mail (a PDF plus its metadata): every file is
 * checked and its signatures verified and its bytes stored before the transaction opens, then the
 * arrival number (số đến), the entry, the file versions with their verification reports and the
 * audit event commit together, so a refused upload consumes no number and leaves no row (at most an
 * unreferenced stored object). Registrations of one agency commit in groups (numberingGroup).
 */
@Injectable()
export class RegisterIncomingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly numbers: NumberAllocator,
    private readonly types: DocumentTypeRepository,
    private readonly verifier: IncomingFilesVerifier,
    private readonly duplicates: IncomingDuplicateGuard,
    private readonly documents: DocumentStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: RegisterIncomingInput): Promise<IncomingEntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    const now = this.clock.now();
    const arrivalDate = vietnamDate(now);
    const fields = incomingFields(input.metadata);
    await this.types.get(fields.documentTypeCode);
    checkIncomingDates(fields, arrivalDate);
    const documentIdentifier = input.metadata.documentIdentifier?.trim() || null;

    const files = await this.verifier.verifyAll(input.file, input.attachments);
    const verdict = worstVerdict(files.map((f) => f.report.verdict));
    const overridden = acceptVerification(verdict, input.overrideVerification ?? false);
    const mainPages = files[0].pageCount;
    const stored = await Promise.all(files.map((f) => this.documents.store(f.bytes)));

    return this.db.groupTransaction(numberingGroup(agencyId, 'incoming'), async () => {
      const duplicateOf = await this.duplicates.check(
        agencyId,
        { ...fields, documentIdentifier },
        input.confirmDuplicate ?? false,
      );
      const arrival = await this.numbers.takeArrival(agencyId, vietnamYear(now));
      const id = newId();
      const entry = await this.entries.insert({
        ...UNSET_ENTRY_FIELDS,
        id,
        agencyId,
        direction: 'incoming',
        status: 'registered',
        registerId: arrival.registerId,
        number: arrival.number,
        year: arrival.year,
        entryDate: arrivalDate,
        ...fields,
        pageAmount: fields.pageAmount ?? (mainPages <= MAX_PAGE_AMOUNT ? mainPages : null),
        documentIdentifier,
        source: 'upload',
        arrivalAt: now,
        verificationVerdict: verdict,
        verificationOverridden: overridden,
        duplicateOf,
        createdBy: principal.userId,
        createdAt: now,
      });
      const versions = await this.documents.addFirstVersions(
        files.map((f, i) => ({
          agencyId,
          entryId: id,
          fileIndex: f.fileIndex,
          fileName: f.fileName,
          kind: 'received' as const,
          stored: stored[i],
          createdBy: principal.userId,
          verificationVerdict: f.report.verdict,
          verificationReport: f.report,
        })),
      );
      await this.audit.record({
        action: 'incoming.registered',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: id,
        details: {
          source: 'upload',
          arrivalNumber: arrival.number,
          year: arrival.year,
          verdict,
          verificationOverridden: overridden,
          duplicateOf,
          files: versions.map((v) => ({
            fileIndex: v.fileIndex,
            sha256: v.sha256,
            verdict: v.verificationVerdict,
          })),
        },
      });
      return toIncomingEntryView(entry, versions);
    });
  }
}
