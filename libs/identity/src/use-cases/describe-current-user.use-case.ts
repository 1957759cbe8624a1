import { Injectable } from '@nestjs/common';
import { AgencyRepository } from '@vanthu/directory';
import type { Principal, Role } from '../auth/principal';

/** An agency the signed-in user has roles in (or belongs to), by id and code. */
export interface CurrentUserAgency {
  id: string;
  code: string;
  name: string;
  roles: Role[];
}

/** The signed-in user as `/auth/me` shows it: ids and agency codes, for the UI's agency switcher. */
export interface CurrentUserView {
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  agencyCode: string;
  roles: { agencyId: string; agencyCode: string; role: Role }[];
  /** Their home agency first, then every other agency they hold a role in, by code. */
  agencies: CurrentUserAgency[];
}

@Injectable()
export class DescribeCurrentUserUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(principal: Principal): Promise<CurrentUserView> {
    const ids = [...new Set([principal.agencyId, ...principal.roles.map((g) => g.agencyId)])];
    const found = await this.agencies.findByIds(ids);
    const codeOf = new Map(found.map((a) => [a.id, a.code]));
    const agencies = found
      .map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
        roles: principal.roles.filter((g) => g.agencyId === a.id).map((g) => g.role),
      }))
      .sort((a, b) => Number(b.id === principal.agencyId) - Number(a.id === principal.agencyId));
    return {
      userId: principal.userId,
      username: principal.username,
      fullName: principal.fullName,
      agencyId: principal.agencyId,
      agencyCode: codeOf.get(principal.agencyId) ?? '',
      roles: principal.roles.map((g) => ({ ...g, agencyCode: codeOf.get(g.agencyId) ?? '' })),
      agencies,
    };
  }
}
