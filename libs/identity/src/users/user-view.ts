import type { RoleGrant } from '../auth/principal';
import type { UserEntity } from './user.entity';

/** What the API shows of a user: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  position: string | null;
  email: string | null;
  agencyId: string;
  unitId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  roles: RoleGrant[];
  version: number;
}

export function toUserView(user: UserEntity, roles: RoleGrant[]): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    position: user.position,
    email: user.email,
    agencyId: user.agencyId,
    unitId: user.unitId,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    roles,
    version: user.version,
  };
}
