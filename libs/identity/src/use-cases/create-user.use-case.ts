import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { AppException } from '@vanthu/shared';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal, Role } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { PasswordHasher } from '../passwords/password-hasher';
import { assertPasswordPolicy } from '../passwords/password-policy';
import { UnitRepository } from '../units/unit.repository';
import { UserRepository } from '../users/user.repository';
import { toUserView, type UserView } from '../users/user-view';

export interface CreateUserInput {
  principal: Principal;
  agencyId: string;
  username: string;
  fullName: string;
  position?: string | null;
  email?: string | null;
  unitId?: string | null;
  roles: Role[];
  password: string;
  mustChangePassword?: boolean;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: CreateUserInput): Promise<UserView> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) {
      throw new AppException(
        'USERNAME_INVALID',
        'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.',
        400,
      );
    }
    assertPasswordPolicy(input.password);
    const passwordHash = await this.hasher.hash(input.password);
    return this.db.transaction(async () => {
      if (input.unitId && !(await this.units.findInAgency(input.agencyId, input.unitId))) {
        throw IdentityErrors.unitNotFound();
      }
      if (await this.users.findByUsername(username)) throw IdentityErrors.usernameTaken();
      const user = await this.users.insert({
        agencyId: input.agencyId,
        unitId: input.unitId ?? null,
        username,
        fullName: input.fullName.trim(),
        position: input.position ?? null,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
      });
      const roles = [...new Set(input.roles)];
      await this.users.replaceRolesInAgency(user.id, input.agencyId, roles);
      await this.audit.record({
        action: 'user.created',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'user',
        subjectId: user.id,
        details: { username, roles },
      });
      return toUserView(
        user,
        roles.map((role) => ({ agencyId: input.agencyId, role })),
      );
    });
  }
}
