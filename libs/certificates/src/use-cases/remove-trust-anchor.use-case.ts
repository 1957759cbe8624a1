import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { CertificateErrors } from '../certificates.errors';
import type { CertificateActor } from '../certificate-actor';
import { TrustAnchorRepository } from '../trust/trust-anchor.repository';
import { TrustStoreAuthorization } from '../trust/trust-store-authorization';

/** Stops trusting a CA; signatures verified afterwards no longer chain to it. */
@Injectable()
export class RemoveTrustAnchorUseCase {
  constructor(
    private readonly db: Database,
    private readonly anchors: TrustAnchorRepository,
    private readonly authorization: TrustStoreAuthorization,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: { actor: CertificateActor; id: string }): Promise<void> {
    const maintainer = await this.authorization.assertNodeAdmin(input.actor);
    await this.db.transaction(async () => {
      const anchor = await this.anchors.findById(input.id);
      if (!anchor) throw CertificateErrors.trustAnchorNotFound();
      await this.anchors.delete(anchor.id);
      await this.audit.record({
        action: 'trust_anchor.removed',
        agencyId: maintainer.agencyId,
        actor: maintainer.auditActor,
        subjectType: 'trust_anchor',
        subjectId: anchor.id,
        details: { subject: anchor.subject, sha256Fingerprint: anchor.sha256Fingerprint },
      });
    });
  }
}
