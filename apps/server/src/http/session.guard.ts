import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ResolveAgencyReferenceUseCase } from '@vanthu/directory';
import {
  AGENCY_ROLES,
  AuthenticateSessionUseCase,
  authorizeAgency,
  IdentityErrors,
  PUBLIC_ROUTE,
  type Principal,
  type Role,
} from '@vanthu/identity';
import type { Request } from 'express';
import { checkOrigin } from './origin-check';
import { sessionCredentialOf } from './session-token';

/**
 * Global guard: every route needs a valid session unless marked @Public(), and a change carried by
 * the session cookie must come from this server's own pages (checkOrigin). An `:agencyId` in the
 * path may be the agency's id or its code; it is replaced by the id before the handler reads it.
 * Routes marked @RequireAgencyRole(...) are checked against that agency (404 outside the caller's
 * agencies, 403 for a missing role).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateSessionUseCase,
    private readonly agencyReference: ResolveAgencyReferenceUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const credential = sessionCredentialOf(request);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      checkOrigin(request, undefined);
      return true;
    }
    checkOrigin(request, credential?.via);
    const principal = await this.authenticate.execute(credential?.token);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AGENCY_ROLES, targets);
    const reference = request.params.agencyId;
    if (roles || reference !== undefined) {
      const agencyId = typeof reference === 'string' ? await this.agencyReference.execute(reference) : null;
      if (!agencyId) throw IdentityErrors.agencyNotFound();
      request.params.agencyId = agencyId;
      if (roles) authorizeAgency(principal, agencyId, roles);
    }
    return true;
  }
}
