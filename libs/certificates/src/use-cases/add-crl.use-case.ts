import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { CertificateErrors } from '../certificates.errors';
import type { CertificateActor } from '../certificate-actor';
import { readCrl } from '../trust/crl-info';
import type { CrlEntity } from '../trust/crl.entity';
import { CrlRepository } from '../trust/crl.repository';
import { TrustStoreAuthorization } from '../trust/trust-store-authorization';
import { toCrlView, type CrlView } from '../trust/trust-views';

/** Loads a CRL (DER or PEM) for offline revocation checks; the newest of each issuer is used. */
@Injectable()
export class AddCrlUseCase {
  constructor(
    private readonly db: Database,
    private readonly crls: CrlRepository,
    private readonly authorization: TrustStoreAuthorization,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: { actor: CertificateActor; data: Buffer }): Promise<CrlView> {
    const maintainer = await this.authorization.assertNodeAdmin(input.actor);
    const info = readCrl(input.data);
    return this.db.transaction(async () => {
      if (await this.crls.findByFingerprint(info.sha256Fingerprint)) throw CertificateErrors.crlDuplicate();
      const row: CrlEntity = {
        id: newId(),
        issuer: info.issuer,
        thisUpdate: info.thisUpdate,
        nextUpdate: info.nextUpdate,
        revokedCount: info.revokedCount,
        crlDer: info.der,
        sha256Fingerprint: info.sha256Fingerprint,
        createdAt: this.clock.now(),
        createdBy: maintainer.userId,
      };
      await this.crls.insert(row);
      await this.audit.record({
        action: 'crl.added',
        agencyId: maintainer.agencyId,
        actor: maintainer.auditActor,
        subjectType: 'crl',
        subjectId: row.id,
        details: {
          issuer: row.issuer,
          thisUpdate: row.thisUpdate.toISOString(),
          revokedCount: row.revokedCount,
        },
      });
      return toCrlView(row);
    });
  }
}
