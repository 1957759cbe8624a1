import type { AuditActor } from '@vanthu/audit';
import { authorizeAgency, type Principal, type Role } from '@vanthu/identity';

/**
 * The installation itself (demo seeding, CLI set-up), which imports certificates and trust
 * material before any administrator exists. Only code can construct it; no request body can.
 */
export class SystemCertificateActor {
  constructor(readonly name: string) {}
}

export type CertificateActor = Principal | SystemCertificateActor;

export function auditActorOf(actor: CertificateActor): AuditActor {
  return actor instanceof SystemCertificateActor
    ? { id: null, name: actor.name }
    : { id: actor.userId, name: actor.username };
}

export function userIdOf(actor: CertificateActor): string | null {
  return actor instanceof SystemCertificateActor ? null : actor.userId;
}

/** authorizeAgency for people; the system may act in any agency. */
export function authorizeActor(actor: CertificateActor, agencyId: string, roles: readonly Role[]): void {
  if (!(actor instanceof SystemCertificateActor)) authorizeAgency(actor, agencyId, roles);
}
