import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock, newId, RequestContext } from '@vanthu/shared';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { vietnamDate, vietnamYear } from '../types/vietnam-date';
import { type IncomingFile, IncomingFilesVerifier } from './incoming-files.verifier';
import { checkIncomingDates, type IncomingMetadata, incomingFields } from './incoming-metadata';
import { IncomingRegistrar, type PendingRegistration } from './incoming-registrar';
import type { IncomingEntryView } from './incoming-view';
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
 * audit event commit together, so a refused upload consumes no number and leaves no row; its
 * stored files are discarded (deleted unless another request or entry holds the same bytes).
 * Registrations arriving together are written in batches (IncomingRegistrar).
 */
@Injectable()
export class RegisterIncomingUseCase {
  constructor(
    private readonly types: DocumentTypeRepository,
    private readonly verifier: IncomingFilesVerifier,
    private readonly documents: DocumentStore,
    private readonly registrar: IncomingRegistrar,
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

    const files = await this.verifier.verifyAll(input.file, input.attachments);
    const verdict = worstVerdict(files.map((f) => f.report.verdict));
    const overridden = acceptVerification(verdict, input.overrideVerification ?? false);
    const mainPages = files[0].pageCount;
    const entry: PendingRegistration['entry'] = {
      ...UNSET_ENTRY_FIELDS,
      id: newId(),
      agencyId,
      direction: 'incoming',
      status: 'registered',
      entryDate: arrivalDate,
      ...fields,
      pageAmount: fields.pageAmount ?? (mainPages <= MAX_PAGE_AMOUNT ? mainPages : null),
      documentIdentifier: input.metadata.documentIdentifier?.trim() || null,
      source: 'upload',
      arrivalAt: now,
      verificationVerdict: verdict,
      verificationOverridden: overridden,
      createdBy: principal.userId,
      createdAt: now,
    };

    const stored = await this.documents.storeAll(files.map((f) => f.bytes));
    try {
      return await this.registrar.register({
        principal,
        year: vietnamYear(now),
        confirmDuplicate: input.confirmDuplicate ?? false,
        entry,
        files: files.map((f, i) => ({
          fileIndex: f.fileIndex,
          fileName: f.fileName,
          stored: stored[i],
          report: f.report,
        })),
        audit: { verdict, overridden },
        context: RequestContext.current(),
      });
    } catch (error) {
      // refused (a duplicate, a constraint) or failed: no row references the files
      await this.documents.discard(stored);
      throw error;
    }
  }
}
