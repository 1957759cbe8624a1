import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf } from '../certificate-actor';
import { assertCanManage } from '../store/certificate-management';
import { CertificateRepository } from '../store/certificate.repository';
import { toCertificateView, type CertificateView } from '../store/certificate-view';

export interface RevokeCertificateInput {
  principal: Principal;
  agencyId: string;
  certificateId: string;
  reason: string;
}

/**
 * Withdraws a certificate from use on this node (lost token, left the post, compromise) and erases
 * its sealed key. This does not revoke it at the CA: that stays the holder's request to the CA.
 */
@Injectable()
export class RevokeCertificateUseCase {
  constructor(
    private readonly db: Database,
    private readonly certificates: CertificateRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: RevokeCertificateInput): Promise<CertificateView> {
    authorizeAgency(input.principal, input.agencyId, []);
    return this.db.transaction(async () => {
      const row = await this.certificates.lockInAgency(input.agencyId, input.certificateId);
      if (!row) throw CertificateErrors.notFound();
      assertCanManage(input.principal, row);
      if (row.status === 'revoked') throw CertificateErrors.revoked();
      if (row.status === 'replaced') throw CertificateErrors.replaced();
      const now = this.clock.now();
      await this.certificates.markRevoked(row.id, now, input.reason);
      await this.audit.record({
        action: 'certificate.revoked',
        agencyId: row.agencyId,
        actor: auditActorOf(input.principal),
        subjectType: 'certificate',
        subjectId: row.id,
        details: {
          kind: row.kind,
          subject: row.subject,
          serialNumber: row.serialNumber,
          reason: input.reason,
        },
      });
      return toCertificateView((await this.certificates.findById(row.id))!, now);
    });
  }
}
