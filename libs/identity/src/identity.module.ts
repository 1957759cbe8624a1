import { Module } from '@nestjs/common';
import { DirectoryModule } from '@vanthu/directory';
import { PasswordHasher } from './passwords/password-hasher';
import { LoginAttemptRepository } from './sessions/login-attempt.repository';
import { LoginThrottleRepository } from './sessions/login-throttle.repository';
import { SessionRepository } from './sessions/session.repository';
import { UnitRepository } from './units/unit.repository';
import { AuthenticateSessionUseCase } from './use-cases/authenticate-session.use-case';
import { ChangePasswordUseCase } from './use-cases/change-password.use-case';
import { CreateUnitUseCase } from './use-cases/create-unit.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { DescribeCurrentUserUseCase } from './use-cases/describe-current-user.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUnitsUseCase } from './use-cases/list-units.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { LoginUseCase } from './use-cases/login.use-case';
import { LogoutUseCase } from './use-cases/logout.use-case';
import { ResetUserPasswordUseCase } from './use-cases/reset-user-password.use-case';
import { SetUserRolesUseCase } from './use-cases/set-user-roles.use-case';
import { UpdateUnitUseCase } from './use-cases/update-unit.use-case';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';
import { UserRepository } from './users/user.repository';

const useCases = [
  LoginUseCase,
  LogoutUseCase,
  AuthenticateSessionUseCase,
  ChangePasswordUseCase,
  DescribeCurrentUserUseCase,
  CreateUserUseCase,
  UpdateUserUseCase,
  SetUserRolesUseCase,
  ResetUserPasswordUseCase,
  ListUsersUseCase,
  GetUserUseCase,
  ListUnitsUseCase,
  CreateUnitUseCase,
  UpdateUnitUseCase,
];

/** Needs IDENTITY_SETTINGS, Database, AuditLog and Clock from the application. */
@Module({
  imports: [DirectoryModule],
  providers: [
    PasswordHasher,
    UserRepository,
    UnitRepository,
    SessionRepository,
    LoginThrottleRepository,
    LoginAttemptRepository,
    ...useCases,
  ],
  exports: [...useCases, PasswordHasher, UserRepository, UnitRepository, LoginThrottleRepository],
})
export class IdentityModule {}
