import { hasRole, IdentityErrors, type Principal } from '@vanthu/identity';
import type { CertificateEntity } from './certificate.entity';

/**
 * Who may revoke or replace a certificate: the agency's admins and clerks for the organisation's
 * certificate (they keep it); the owner or an admin of the agency for a personal one.
 */
export function assertCanManage(principal: Principal, row: CertificateEntity): void {
  const allowed =
    row.kind === 'organisation'
      ? hasRole(principal, row.agencyId, 'admin', 'clerk')
      : row.ownerUserId === principal.userId || hasRole(principal, row.agencyId, 'admin');
  if (!allowed) throw IdentityErrors.forbidden();
}
