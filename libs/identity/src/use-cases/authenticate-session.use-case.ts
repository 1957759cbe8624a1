import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { SessionRepository } from '../sessions/session.repository';
import { hashSessionToken } from '../sessions/session-token';
import { UserRepository } from '../users/user.repository';

/** Resolves a bearer token or session cookie to the Principal, or refuses with AUTH_REQUIRED. */
@Injectable()
export class AuthenticateSessionUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(token: string | undefined): Promise<Principal> {
    if (!token || token.length > 200) throw IdentityErrors.unauthenticated();
    const session = await this.sessions.findActiveByTokenHash(hashSessionToken(token), this.clock.now());
    if (!session) throw IdentityErrors.unauthenticated();
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) throw IdentityErrors.unauthenticated();
    return {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      agencyId: user.agencyId,
      roles: await this.users.rolesOf(user.id),
      sessionId: session.id,
    };
  }
}
