import { UserSessionEntity } from './sessions/user-session.entity';
import { LoginThrottleEntity } from './sessions/login-throttle.entity';
import { UnitEntity } from './units/unit.entity';
import { UserRoleEntity } from './users/user-role.entity';
import { UserEntity } from './users/user.entity';

export const IDENTITY_ENTITIES = [
  UserEntity,
  UserRoleEntity,
  UnitEntity,
  UserSessionEntity,
  LoginThrottleEntity,
];
