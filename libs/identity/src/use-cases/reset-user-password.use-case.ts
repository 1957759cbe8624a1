import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertPasswordPolicy } from '../passwords/password-policy';
import { LoginAttemptRepository } from '../sessions/login-attempt.repository';
import { SessionRepository } from '../sessions/session.repository';
import { UserRepository } from '../users/user.repository';

/**
 * An admin sets a temporary password (the user must change it at next login), lifts any lockout and
 * closes the user's sessions. Without a new password it only unlocks.
 */
@Injectable()
export class ResetUserPasswordUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly attempts: LoginAttemptRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    userId: string;
    newPassword?: string;
  }): Promise<void> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    const user = await this.users.findInAgency(input.agencyId, input.userId);
    if (!user) throw IdentityErrors.userNotFound();
    let hash: string | undefined;
    if (input.newPassword !== undefined) {
      assertPasswordPolicy(input.newPassword);
      hash = await this.hasher.hash(input.newPassword);
    }
    await this.db.transaction(async () => {
      await this.attempts.clear(user.username);
      if (hash) {
        await this.users.setPasswordHash(user.id, hash, true);
        await this.sessions.revokeAllForUser(user.id, this.clock.now());
      }
      await this.audit.record({
        action: hash ? 'user.password_reset' : 'user.unlocked',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'user',
        subjectId: user.id,
      });
    });
  }
}
