import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const PUBLIC_ROUTE = 'vanthu:public';
export const AGENCY_ROLES = 'vanthu:agency-roles';

/** The route needs no session (login, health). Every other route requires one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The route acts inside the agency named by its `:agencyId` parameter. A caller with no role at all
 * in that agency gets 404 (another agency's resources are not confirmed to exist); a caller with a
 * role there but none of `roles` gets 403. With no roles listed, any role in the agency suffices.
 */
export const RequireAgencyRole = (...roles: Role[]) => SetMetadata(AGENCY_ROLES, roles);

/** Injects the authenticated Principal. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
    if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
    return request.principal;
  },
);
