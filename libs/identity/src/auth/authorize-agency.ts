import { IdentityErrors } from '../identity.errors';
import { hasRole, type Principal, type Role } from './principal';

/**
 * Isolation rule of the whole API: no role at all in the agency → 404, as if it did not exist;
 * a role there but not one of `roles` → 403.
 */
export function authorizeAgency(principal: Principal, agencyId: string, roles: readonly Role[]): void {
  if (!hasRole(principal, agencyId)) throw IdentityErrors.agencyNotFound();
  if (roles.length > 0 && !hasRole(principal, agencyId, ...roles)) throw IdentityErrors.forbidden();
}
