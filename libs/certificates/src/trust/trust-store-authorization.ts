import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@vanthu/audit';
import { AgencyRepository } from '@vanthu/directory';
import { agenciesWithRole } from '@vanthu/identity';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf, type CertificateActor, SystemCertificateActor } from '../certificate-actor';

export interface TrustStoreMaintainer {
  auditActor: AuditActor;
  userId: string | null;
  /** The hosted root on whose behalf the change is made (null for the system). */
  agencyId: string | null;
}

/**
 * Trust anchors and CRLs decide what every agency of the node accepts as a valid signature, so only
 * the node's administrators keep them: `admin` of a hosted root (a hosted agency whose parent is not
 * hosted), the same rule the directory uses (DirectoryAuthorization).
 */
@Injectable()
export class TrustStoreAuthorization {
  constructor(private readonly agencies: AgencyRepository) {}

  async assertNodeAdmin(actor: CertificateActor): Promise<TrustStoreMaintainer> {
    if (actor instanceof SystemCertificateActor)
      return { auditActor: auditActorOf(actor), userId: null, agencyId: null };
    const admin = new Set(agenciesWithRole(actor, 'admin'));
    const root = (await this.agencies.hostedRoots()).find((a) => admin.has(a.id));
    if (!root) throw CertificateErrors.trustForbidden();
    return { auditActor: auditActorOf(actor), userId: actor.userId, agencyId: root.id };
  }
}
