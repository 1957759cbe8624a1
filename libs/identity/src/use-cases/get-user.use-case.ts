import { Injectable } from '@nestjs/common';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { UserRepository } from '../users/user.repository';
import { toUserView, type UserView } from '../users/user-view';

@Injectable()
export class GetUserUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(input: { principal: Principal; agencyId: string; userId: string }): Promise<UserView> {
    authorizeAgency(input.principal, input.agencyId, []);
    const user = await this.users.findInAgency(input.agencyId, input.userId);
    if (!user) throw IdentityErrors.userNotFound();
    return toUserView(user, await this.users.rolesOf(user.id));
  }
}
