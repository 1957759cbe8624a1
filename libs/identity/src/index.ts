export {
  ROLES,
  hasRole,
  agenciesWithRole,
  type Principal,
  type Role,
  type RoleGrant,
} from './auth/principal';
export {
  Public,
  RequireAgencyRole,
  CurrentPrincipal,
  PUBLIC_ROUTE,
  AGENCY_ROLES,
} from './auth/auth.decorators';
export { authorizeAgency } from './auth/authorize-agency';
export { IdentityErrors } from './identity.errors';
export { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';
export { IDENTITY_ENTITIES } from './identity.entities';
export { IdentityModule } from './identity.module';
export { PasswordHasher } from './passwords/password-hasher';
export { UserRepository } from './users/user.repository';
export { UnitRepository } from './units/unit.repository';
export { LoginThrottleRepository, type ThrottleState } from './sessions/login-throttle.repository';
export type { UserView } from './users/user-view';
export type { UnitView } from './units/unit-view';
export { LoginUseCase, type LoginInput, type LoginResult } from './use-cases/login.use-case';
export { LogoutUseCase } from './use-cases/logout.use-case';
export { AuthenticateSessionUseCase } from './use-cases/authenticate-session.use-case';
export { ChangePasswordUseCase } from './use-cases/change-password.use-case';
export {
  DescribeCurrentUserUseCase,
  type CurrentUserAgency,
  type CurrentUserView,
} from './use-cases/describe-current-user.use-case';
export { CreateUserUseCase, type CreateUserInput, USERNAME_PATTERN } from './use-cases/create-user.use-case';
export { UpdateUserUseCase, type UpdateUserInput } from './use-cases/update-user.use-case';
export { SetUserRolesUseCase } from './use-cases/set-user-roles.use-case';
export { ResetUserPasswordUseCase } from './use-cases/reset-user-password.use-case';
export { ListUsersUseCase } from './use-cases/list-users.use-case';
export { GetUserUseCase } from './use-cases/get-user.use-case';
export { ListUnitsUseCase } from './use-cases/list-units.use-case';
export { CreateUnitUseCase, type CreateUnitInput } from './use-cases/create-unit.use-case';
export { UpdateUnitUseCase, type UpdateUnitInput } from './use-cases/update-unit.use-case';
