import { Injectable } from '@nestjs/common';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { UserRepository } from '../users/user.repository';
import { toUserView, type UserView } from '../users/user-view';

@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(input: { principal: Principal; agencyId: string }): Promise<UserView[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    const users = await this.users.listByAgency(input.agencyId);
    const roles = await this.users.rolesOfMany(users.map((u) => u.id));
    return users.map((u) => toUserView(u, roles.get(u.id) ?? []));
  }
}
