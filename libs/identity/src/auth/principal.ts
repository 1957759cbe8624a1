export const ROLES = ['admin', 'clerk', 'leader', 'specialist'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  agencyId: string;
  role: Role;
}

/** The authenticated user of a request, as the session guard resolved it. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  /** The agency the user belongs to (their account's home). */
  agencyId: string;
  roles: readonly RoleGrant[];
  sessionId: string;
}

export function hasRole(principal: Principal, agencyId: string, ...roles: Role[]): boolean {
  return principal.roles.some(
    (g) => g.agencyId === agencyId && (roles.length === 0 || roles.includes(g.role)),
  );
}

/** Agencies in which the principal holds any of the roles (all agencies with a role when none given). */
export function agenciesWithRole(principal: Principal, ...roles: Role[]): string[] {
  const ids = principal.roles
    .filter((g) => roles.length === 0 || roles.includes(g.role))
    .map((g) => g.agencyId);
  return [...new Set(ids)];
}
