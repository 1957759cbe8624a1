import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  AGENCY_ROLES,
  AuthenticateSessionUseCase,
  authorizeAgency,
  PUBLIC_ROUTE,
  type Principal,
  type Role,
} from '@vanthu/identity';
import { isUuid } from '@vanthu/shared';
import { IdentityErrors } from '@vanthu/identity';
import type { Request } from 'express';
import { sessionTokenOf } from './session-token';

/**
 * Global guard: every route needs a valid session unless marked @Public(); routes marked
 * @RequireAgencyRole(...) are also checked against their `:agencyId` (404 outside the caller's
 * agencies, 403 for a missing role).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateSessionUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.authenticate.execute(sessionTokenOf(request));
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AGENCY_ROLES, targets);
    if (roles) {
      const agencyId = request.params.agencyId;
      if (typeof agencyId !== 'string' || !isUuid(agencyId)) throw IdentityErrors.agencyNotFound();
      authorizeAgency(principal, agencyId, roles);
    }
    return true;
  }
}
