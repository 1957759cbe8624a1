import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { UnitRepository } from '../units/unit.repository';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { toUserView, type UserView } from '../users/user-view';

export interface UpdateUserInput {
  principal: Principal;
  agencyId: string;
  userId: string;
  expectedVersion: number;
  changes: Partial<Pick<UserEntity, 'fullName' | 'position' | 'email' | 'unitId' | 'active'>>;
}

@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateUserInput): Promise<UserView> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    return this.db.transaction(async () => {
      const user = await this.users.findInAgency(input.agencyId, input.userId);
      if (!user) throw IdentityErrors.userNotFound();
      const { unitId } = input.changes;
      if (unitId && !(await this.units.findInAgency(input.agencyId, unitId)))
        throw IdentityErrors.unitNotFound();
      if (input.changes.active === false && user.active) {
        const roles = await this.users.rolesOf(user.id);
        const isAdmin = roles.some((r) => r.agencyId === input.agencyId && r.role === 'admin');
        if (isAdmin && (await this.users.countActiveAdmins(input.agencyId)) <= 1)
          throw IdentityErrors.lastAdmin();
      }
      if (!(await this.users.updateVersioned(user.id, input.expectedVersion, input.changes))) {
        throw IdentityErrors.versionConflict();
      }
      await this.audit.record({
        action: 'user.updated',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'user',
        subjectId: user.id,
        details: { changes: input.changes },
      });
      const updated = (await this.users.findById(user.id)) as UserEntity;
      return toUserView(updated, await this.users.rolesOf(user.id));
    });
  }
}
