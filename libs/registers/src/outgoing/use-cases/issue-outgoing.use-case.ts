import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import {
  FindCertificateAppearanceUseCase,
  UnlockOrganisationKeyUseCase,
  VerifyDocumentUseCase,
} from '@vanthu/certificates';
import { type Agency, AgencyRepository } from '@vanthu/directory';
import type { DocumentVersionEntity } from '@vanthu/documents';
import { authorizeAgency, type Principal, UnitRepository } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { signPdf, type SigningIdentity } from '@vanthu/signing';
import { auditActorOf } from '../../entries/entry-actor';
import { type EntryView, toEntryView } from '../../entries/entry-view';
import type { RegisterEntryEntity } from '../../entries/register-entry.entity';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { NumberAllocator, numberingGroup } from '../../numbering/number-allocator';
import { IncomingReplyLinker } from '../../incoming/incoming-reply.linker';
import { WorkflowNotifier } from '../../notifications/workflow-notifier';
import { RegistersErrors } from '../../registers.errors';
import { DocumentTypeRepository } from '../../types/document-type.repository';
import {
  composeNotation,
  documentIdentifier,
  formatDocumentNumber,
  numberNotation,
} from '../../types/notation';
import { vietnamDate, vietnamYear } from '../../types/vietnam-date';
import { OutgoingFiles } from '../outgoing-files';
import { OutgoingRelease } from '../outgoing-release';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';
import { SigningCertificates } from '../signing-certificates';

export interface IssueOutgoingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
}

/**
 * The clerk issues a signed document: in ONE transaction the register number is taken, the number,
 * date and seal are applied as the organisation's signature on the personally signed PDF, each
 * attachment is signed in its own file, the entry is numbered, the deliveries are written and the
 * audit event recorded. Any failure rolls all of it back and the number is not consumed.
 */
@Injectable()
export class IssueOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly numbers: NumberAllocator,
    private readonly types: DocumentTypeRepository,
    private readonly agencies: AgencyRepository,
    private readonly units: UnitRepository,
    private readonly files: OutgoingFiles,
    private readonly certificates: SigningCertificates,
    private readonly unlockOrganisation: UnlockOrganisationKeyUseCase,
    private readonly appearance: FindCertificateAppearanceUseCase,
    private readonly verify: VerifyDocumentUseCase,
    private readonly release: OutgoingRelease,
    private readonly replies: IncomingReplyLinker,
    private readonly notifier: WorkflowNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: IssueOutgoingInput): Promise<EntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['clerk']);
    const certificateId = await this.certificates.organisationOf(principal, agencyId);
    const identity = await this.unlockOrganisation.execute({ principal, agencyId, certificateId });
    const seal = await this.appearance.execute({ certificateId: certificateId!, kind: 'organisation' });

    // Issues of one agency lock the same register row: they queue in this process and commit in
    // groups rather than one by one (the work runs again if another issue of its group fails).
    return this.db.groupTransaction(numberingGroup(agencyId, 'outgoing'), () =>
      this.issueInTransaction(input, identity, seal),
    );
  }

  private async issueInTransaction(
    input: IssueOutgoingInput,
    identity: SigningIdentity,
    seal: Buffer,
  ): Promise<EntryView> {
    const { principal, agencyId } = input;
    const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
    assertOutgoing(entry);
    assertOutgoingStatus(entry, ['signed'], 'phát hành');
    const now = this.clock.now();
    const issuedDate = vietnamDate(now);
    const agency = (await this.agencies.findById(agencyId))!;
    const notation = await this.notationOf(entry, agency);
    const taken = await this.numbers.takeOutgoing(agencyId, vietnamYear(now), entry.documentTypeCode);
    const [main, ...attachments] = await this.files.latest(entry.id);
    const issuedMain = await this.signMain(main, identity, seal, taken.number, notation, issuedDate, now);
    const signedBytes = new Map<string, Buffer>();
    const stored = [
      await this.files.storeBytes(
        agencyId,
        entry.id,
        0,
        main.fileName,
        issuedMain,
        'issued',
        principal.userId,
      ),
    ];
    signedBytes.set(stored[0].id, issuedMain);
    for (const attachment of attachments) {
      const signed = await signPdf(await this.files.read(attachment), {
        role: 'attachment',
        identity,
        number: taken.number,
        notation,
        organisationName: agency.name,
        signingTime: now,
      });
      const version = await this.files.storeBytes(
        agencyId,
        entry.id,
        attachment.fileIndex,
        attachment.fileName,
        signed,
        'attachment_signed',
        principal.userId,
      );
      signedBytes.set(version.id, signed);
      stored.push(version);
    }
    const codeNumber = formatDocumentNumber(taken.number);
    const saved = await this.entries.save(
      entry,
      {
        status: 'issued',
        registerId: taken.registerId,
        number: taken.number,
        year: taken.year,
        codeNumber,
        codeNotation: notation,
        issuedDate,
        entryDate: issuedDate,
        documentIdentifier: documentIdentifier(agency.code, issuedDate, numberNotation(codeNumber, notation)),
      },
      now,
    );
    const deliveries = await this.release.release(saved, {
      versions: stored,
      report: (version) => this.verify.execute({ pdf: signedBytes.get(version.id)! }),
    });
    // a reply closes the incoming document it answers, in this same transaction
    const answered = await this.replies.linkReply(saved, principal);
    await this.notifier.issued(saved, principal.userId, now);
    await this.audit.record({
      action: 'outgoing.issued',
      agencyId,
      actor: auditActorOf(principal),
      subjectType: 'entry',
      subjectId: entry.id,
      details: {
        numberNotation: numberNotation(codeNumber, notation),
        registerId: taken.registerId,
        issuedDate,
        deliveries: deliveries.length,
        answered: answered?.id ?? null,
        sha256: stored[0].sha256,
      },
    });
    return toEntryView(saved);
  }

  private async notationOf(entry: RegisterEntryEntity, agency: Agency): Promise<string> {
    const type = await this.types.get(entry.documentTypeCode);
    if (!agency.abbreviation) throw RegistersErrors.agencyAbbreviationMissing();
    const unit = entry.draftingUnitId
      ? await this.units.findInAgency(entry.agencyId, entry.draftingUnitId)
      : null;
    return composeNotation({
      typeAbbreviation: type.abbreviation,
      issuerAbbreviation: agency.abbreviation,
      unitAbbreviation: unit?.abbreviation,
    });
  }

  private signMain(
    main: DocumentVersionEntity,
    identity: SigningIdentity,
    sealImage: Buffer,
    number: number,
    notation: string,
    date: string,
    now: Date,
  ): Promise<Buffer> {
    return this.files
      .read(main)
      .then((pdf) =>
        signPdf(pdf, { role: 'organisation', identity, number, notation, date, sealImage, signingTime: now }),
      );
  }
}
