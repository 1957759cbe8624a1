import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { UnlockOrganisationKeyUseCase } from '@vanthu/certificates';
import { AgencyRepository } from '@vanthu/directory';
import { DocumentStore, storageKeyOf } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import {
  type CopyType,
  inspectPdf,
  refuseActiveContent,
  signPdf,
  type SigningIdentity,
} from '@vanthu/signing';
import { auditActorOf } from '../entries/entry-actor';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { NumberAllocator, numberingGroup } from '../numbering/number-allocator';
import { SigningCertificates } from '../outgoing/signing-certificates';
import { RegistersErrors } from '../registers.errors';
import { formatDocumentNumber, numberNotation } from '../types/notation';
import { vietnamYear } from '../types/vietnam-date';
import { type CopyView, toCopyView } from './copy-view';
import { COPY_TYPE_ABBREVIATIONS, type DocumentCopyEntity } from './document-copy.entity';
import { DocumentCopyRepository } from './document-copy.repository';

export interface MakeCopyInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  copyType: CopyType;
  /** Trích sao only: the PDF of the extract (the other kinds copy the document's own file). */
  extract?: { fileName: string; bytes: Buffer };
  toPlaces?: string | null;
}

/** A document exists for the agency, in force: registered incoming ones and issued outgoing ones. */
const COPYABLE: Record<RegisterEntryEntity['direction'], readonly string[]> = {
  incoming: ['registered', 'assigned', 'in_progress', 'closed'],
  outgoing: ['issued'],
};

/**
 * The clerk makes an electronic copy (ND30 Art. 25-27: sao y, sao lục, trích sao) of one of the
 * agency's documents. In ONE transaction the next number of the agency's copy register is taken
 * (one series for the three kinds, notation `SY-UBND`, `SL-UBND`, `TrS-UBND`), the organisation
 * signs the copy with the copy type, the copying body, the number and the time at the top right of
 * page 1 (an incremental update: the signatures already on the document stay valid), the copy is
 * recorded and the audit event written. A failure anywhere consumes no number.
 */
@Injectable()
export class MakeCopyUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly copies: DocumentCopyRepository,
    private readonly numbers: NumberAllocator,
    private readonly agencies: AgencyRepository,
    private readonly documents: DocumentStore,
    private readonly certificates: SigningCertificates,
    private readonly unlockOrganisation: UnlockOrganisationKeyUseCase,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: MakeCopyInput): Promise<CopyView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    if (input.copyType === 'trich-sao' && !input.extract) throw RegistersErrors.copyExtractRequired();
    if (input.copyType !== 'trich-sao' && input.extract) throw RegistersErrors.copyFileUnexpected();
    // PDF_NOT_PDF / PDF_MALFORMED / PDF_ENCRYPTED / PDF_ACTIVE_CONTENT before anything is locked or written
    if (input.extract) {
      inspectPdf(input.extract.bytes);
      refuseActiveContent(input.extract.bytes, input.extract.fileName);
    }
    // checked again under lock below; here so that a refused copy unlocks no key
    assertCopyable(await this.entries.findInAgency(agencyId, input.entryId));
    const agency = await this.agencies.findById(agencyId);
    const abbreviation = agency?.abbreviation;
    if (!agency || !abbreviation) throw RegistersErrors.agencyAbbreviationMissing();
    const certificateId = await this.certificates.organisationOf(principal, agencyId);
    const identity = await this.unlockOrganisation.execute({ principal, agencyId, certificateId });

    return this.db.groupTransaction(numberingGroup(agencyId, 'copy'), () =>
      this.copyInTransaction(input, { name: agency.name, abbreviation }, identity),
    );
  }

  private async copyInTransaction(
    input: MakeCopyInput,
    agency: { name: string; abbreviation: string },
    identity: SigningIdentity,
  ): Promise<CopyView> {
    const { principal, agencyId } = input;
    const source = assertCopyable(await this.entries.lockShared(agencyId, input.entryId));
    const original = await this.bytesToCopy(source.id, input.extract);
    // the organisation does not sign over a received document's scripts or embedded files
    if (!input.extract) refuseActiveContent(original.bytes, original.fileName);
    const now = this.clock.now();
    const taken = await this.numbers.takeCopy(agencyId, vietnamYear(now));
    const notation = `${COPY_TYPE_ABBREVIATIONS[input.copyType]}-${agency.abbreviation}`;
    const signed = await signPdf(original.bytes, {
      role: 'copy',
      identity,
      copyType: input.copyType,
      organisationName: agency.name,
      number: taken.number,
      notation,
      signingTime: now,
    });
    const stored = await this.documents.store(signed);
    const codeNumber = formatDocumentNumber(taken.number);
    const row: DocumentCopyEntity = {
      id: newId(),
      agencyId,
      sourceEntryId: source.id,
      sourceVersionId: original.versionId,
      registerId: taken.registerId,
      year: taken.year,
      number: taken.number,
      codeNumber,
      codeNotation: notation,
      copyType: input.copyType,
      toPlaces: input.toPlaces?.trim() || null,
      fileName: `${COPY_TYPE_ABBREVIATIONS[input.copyType]}-${codeNumber}-${original.fileName}`.slice(0, 255),
      storageKey: storageKeyOf(stored.sha256),
      sha256: stored.sha256,
      sizeBytes: stored.sizeBytes,
      createdBy: principal.userId,
      createdAt: now,
      withdrawnAt: null,
    };
    await this.copies.insert(row);
    await this.audit.record({
      action: 'copy.made',
      agencyId,
      actor: auditActorOf(principal),
      subjectType: 'entry',
      subjectId: source.id,
      details: {
        copyId: row.id,
        copyType: row.copyType,
        numberNotation: numberNotation(codeNumber, notation),
        registerId: taken.registerId,
        sourceVersionId: row.sourceVersionId,
        sha256: row.sha256,
      },
    });
    return toCopyView(row);
  }

  /** A trích sao copies its uploaded extract; the other kinds the document's current main file. */
  private async bytesToCopy(
    entryId: string,
    extract: MakeCopyInput['extract'],
  ): Promise<{ bytes: Buffer; fileName: string; versionId: string | null }> {
    if (extract) return { ...extract, versionId: null };
    const main = (await this.documents.latest(entryId)).find((v) => v.fileIndex === 0);
    if (!main) throw RegistersErrors.copySourceWithoutFile();
    return { bytes: await this.documents.read(main), fileName: main.fileName, versionId: main.id };
  }
}

function assertCopyable(entry: RegisterEntryEntity | null): RegisterEntryEntity {
  if (!entry) throw RegistersErrors.entryNotFound();
  if (!COPYABLE[entry.direction].includes(entry.status))
    throw RegistersErrors.statusInvalid(entry.status, 'sao văn bản');
  return entry;
}
