import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { SessionRepository } from '../sessions/session.repository';
import { hashSessionToken } from '../sessions/session-token';

/** Resolves a bearer token or session cookie to the Principal, or refuses with AUTH_REQUIRED. */
@Injectable()
export class AuthenticateSessionUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string | undefined): Promise<Principal> {
    if (!token || token.length > 200) throw IdentityErrors.unauthenticated();
    const principal = await this.sessions.findPrincipalByTokenHash(hashSessionToken(token), this.clock.now());
    if (!principal) throw IdentityErrors.unauthenticated();
    return principal;
  }
}
