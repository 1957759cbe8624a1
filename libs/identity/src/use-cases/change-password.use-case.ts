import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertPasswordPolicy } from '../passwords/password-policy';
import { SessionRepository } from '../sessions/session.repository';
import { UserRepository } from '../users/user.repository';

/** The user changes their own password; every other session of theirs is closed. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    principal: Principal;
    currentPassword: string;
    newPassword: string;
  }): Promise<void> {
    const user = await this.users.findById(input.principal.userId);
    if (!user) throw IdentityErrors.unauthenticated();
    if (!(await this.hasher.verify(input.currentPassword, user.passwordHash))) {
      throw IdentityErrors.currentPasswordWrong();
    }
    assertPasswordPolicy(input.newPassword);
    const hash = await this.hasher.hash(input.newPassword);
    await this.db.transaction(async () => {
      await this.users.setPasswordHash(user.id, hash, false);
      await this.sessions.revokeAllForUser(user.id, this.clock.now(), input.principal.sessionId);
      await this.audit.record({
        action: 'user.password_changed',
        agencyId: user.agencyId,
        actor: { id: user.id, name: user.username },
        subjectType: 'user',
        subjectId: user.id,
      });
    });
  }
}
