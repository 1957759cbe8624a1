import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal, Role } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { UserRepository } from '../users/user.repository';
import { toUserView, type UserView } from '../users/user-view';

/** Replaces the user's roles in one agency; refuses to leave the agency without an active admin. */
@Injectable()
export class SetUserRolesUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    userId: string;
    roles: Role[];
  }): Promise<UserView> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    return this.db.transaction(async () => {
      const user = await this.users.findInAgency(input.agencyId, input.userId);
      if (!user) throw IdentityErrors.userNotFound();
      const before = (await this.users.rolesOf(user.id))
        .filter((r) => r.agencyId === input.agencyId)
        .map((r) => r.role);
      const after = [...new Set(input.roles)];
      if (before.includes('admin') && !after.includes('admin') && user.active) {
        if ((await this.users.countActiveAdmins(input.agencyId)) <= 1) throw IdentityErrors.lastAdmin();
      }
      await this.users.replaceRolesInAgency(user.id, input.agencyId, after);
      await this.audit.record({
        action: 'user.roles_changed',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'user',
        subjectId: user.id,
        details: { before, after },
      });
      return toUserView(user, await this.users.rolesOf(user.id));
    });
  }
}
