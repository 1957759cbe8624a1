import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUserUseCase,
  CurrentPrincipal,
  GetUserUseCase,
  ListUsersUseCase,
  type Principal,
  RequireAgencyRole,
  ResetUserPasswordUseCase,
  SetUserRolesUseCase,
  UpdateUserUseCase,
} from '@vanthu/identity';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import {
  createUserSchema,
  resetPasswordSchema,
  setRolesSchema,
  updateUserSchema,
  uuidParam,
} from './identity.schemas';

const userId = new ZodValidationPipe(uuidParam);

@ApiTags('users')
@Controller('api/v1/agencies/:agencyId/users')
export class UsersController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly setRoles: SetUserRolesUseCase,
    private readonly resetPassword: ResetUserPasswordUseCase,
  ) {}

  @Get()
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Người dùng của cơ quan' })
  list(@CurrentPrincipal() principal: Principal, @Param('agencyId') agencyId: string) {
    return this.listUsers.execute({ principal, agencyId });
  }

  @Get(':userId')
  @RequireAgencyRole()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
  ) {
    return this.getUser.execute({ principal, agencyId, userId: id });
  }

  @Post()
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Tạo người dùng (quản trị)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body(new ZodValidationPipe(createUserSchema)) body: z.infer<typeof createUserSchema>,
  ) {
    return this.createUser.execute({ principal, agencyId, ...body });
  }

  @Patch(':userId')
  @RequireAgencyRole('admin')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
    @Body(new ZodValidationPipe(updateUserSchema)) body: z.infer<typeof updateUserSchema>,
  ) {
    const { expectedVersion, ...changes } = body;
    return this.updateUser.execute({ principal, agencyId, userId: id, expectedVersion, changes });
  }

  @Put(':userId/roles')
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Đặt vai trò của người dùng trong cơ quan' })
  roles(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
    @Body(new ZodValidationPipe(setRolesSchema)) body: z.infer<typeof setRolesSchema>,
  ) {
    return this.setRoles.execute({ principal, agencyId, userId: id, roles: body.roles });
  }

  @Post(':userId/reset')
  @HttpCode(204)
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Mở khóa và (tùy chọn) đặt mật khẩu tạm' })
  async reset(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
    @Body(new ZodValidationPipe(resetPasswordSchema)) body: z.infer<typeof resetPasswordSchema>,
  ) {
    await this.resetPassword.execute({ principal, agencyId, userId: id, newPassword: body.newPassword });
  }
}
