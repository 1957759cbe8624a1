import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf } from '../certificate-actor';
import { CertificateImporter } from '../store/certificate-importer';
import { assertCanManage } from '../store/certificate-management';
import { CertificateRepository } from '../store/certificate.repository';
import { toCertificateView, type CertificateView } from '../store/certificate-view';

export interface ReplaceCertificateInput {
  principal: Principal;
  agencyId: string;
  /** The active certificate being replaced. */
  certificateId: string;
  p12: Buffer;
  passphrase: string;
}

/**
 * Renewal: imports the new certificate with the old one's kind, owner and signature/seal image and
 * marks the old one replaced (its sealed key erased), all in one transaction: there is never a
 * moment with both or neither active, nor a renewed leader who cannot sign for want of his image.
 */
@Injectable()
export class ReplaceCertificateUseCase {
  constructor(
    private readonly db: Database,
    private readonly certificates: CertificateRepository,
    private readonly importer: CertificateImporter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReplaceCertificateInput): Promise<CertificateView> {
    authorizeAgency(input.principal, input.agencyId, []);
    // checked before the file is opened (so a caller without the right learns nothing about it)
    // and again under the row lock below
    const current = await this.certificates.findInAgency(input.agencyId, input.certificateId);
    if (!current) throw CertificateErrors.notFound();
    assertCanManage(input.principal, current);
    const opened = this.importer.open(input.p12, input.passphrase);
    const row = await this.db.transaction(async () => {
      const old = await this.certificates.lockInAgency(input.agencyId, input.certificateId);
      if (!old) throw CertificateErrors.notFound();
      assertCanManage(input.principal, old);
      if (old.status === 'revoked') throw CertificateErrors.revoked();
      if (old.status === 'replaced') throw CertificateErrors.replaced();
      const created = await this.importer.store(
        opened,
        { agencyId: old.agencyId, kind: old.kind, ownerUserId: old.ownerUserId },
        input.principal,
      );
      await this.certificates.copyAppearance(old.id, created.id);
      await this.certificates.markReplaced(old.id, created.id);
      await this.audit.record({
        action: 'certificate.replaced',
        agencyId: old.agencyId,
        actor: auditActorOf(input.principal),
        subjectType: 'certificate',
        subjectId: old.id,
        details: { kind: old.kind, serialNumber: old.serialNumber, replacedBy: created.id },
      });
      return created;
    });
    return toCertificateView(row, this.clock.now());
  }
}
