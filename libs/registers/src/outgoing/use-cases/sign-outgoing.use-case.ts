import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { FindCertificateAppearanceUseCase, UnlockPersonalKeyUseCase } from '@vanthu/certificates';
import { type DocumentVersionView, toDocumentVersionView } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { type PagePlacement, signPdf } from '@vanthu/signing';
import { auditActorOf } from '../../entries/entry-actor';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { WorkflowNotifier } from '../../notifications/workflow-notifier';
import { RegistersErrors } from '../../registers.errors';
import { OutgoingFiles } from '../outgoing-files';
import { assertOutgoing, assertOutgoingStatus } from '../outgoing-rules';
import { SigningCertificates } from '../signing-certificates';

export interface SignOutgoingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  /** The P12 passphrase, typed for this signing; never stored or logged. */
  passphrase: string;
  certificateId?: string;
  /** Where the signature goes when the signer's name line cannot be found on the last page. */
  placement?: PagePlacement;
}

export interface SignOutgoingResult {
  version: number;
  status: 'signed';
  file: DocumentVersionView;
}

/**
 * The signer's personal signature (ND30 Phụ lục I): the blue signature image between the title and
 * the name line, as an incremental update of the approved PDF, kept as its own version. Only the
 * designated signer may sign; the key is unlocked with the passphrase for this signing only.
 */
@Injectable()
export class SignOutgoingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly files: OutgoingFiles,
    private readonly certificates: SigningCertificates,
    private readonly unlockPersonal: UnlockPersonalKeyUseCase,
    private readonly appearance: FindCertificateAppearanceUseCase,
    private readonly notifier: WorkflowNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: SignOutgoingInput): Promise<SignOutgoingResult> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['leader']);
    const before = await this.entries.findInAgency(agencyId, input.entryId);
    if (!before) throw RegistersErrors.entryNotFound();
    assertOutgoing(before);
    if (before.signerUserId !== principal.userId) throw RegistersErrors.notSigner();
    assertOutgoingStatus(before, ['approved'], 'ký');
    if (before.version !== input.version) throw RegistersErrors.versionConflict(before.version);

    const certificateId = await this.certificates.personalOf(principal, agencyId, input.certificateId);
    const identity = await this.unlockPersonal.execute({
      principal,
      certificateId,
      passphrase: input.passphrase,
    });
    const image = await this.appearance.execute({ certificateId, kind: 'personal' });
    const [main] = await this.files.latest(before.id);
    const now = this.clock.now();
    const signed = await signPdf(await this.files.read(main), {
      role: 'personal',
      identity,
      image,
      signerName: before.signerName ?? undefined,
      placement: input.placement,
      signingTime: now,
      reason: 'Ký duyệt văn bản',
    });

    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      const [current] = await this.files.latest(entry.id);
      if (current.id !== main.id) throw RegistersErrors.fileChanged();
      const stored = await this.files.storeBytes(
        agencyId,
        entry.id,
        0,
        main.fileName,
        signed,
        'personal_signed',
        principal.userId,
      );
      const saved = await this.entries.save(entry, { status: 'signed' }, now);
      await this.notifier.signed(saved, principal.userId, now);
      await this.audit.record({
        action: 'outgoing.signed',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { certificateId, sha256: stored.sha256 },
      });
      return { version: saved.version, status: 'signed' as const, file: toDocumentVersionView(stored) };
    });
  }
}
