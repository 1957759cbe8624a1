import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
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
import { z } from 'zod';
import {
  createUserSchema,
  resetPasswordSchema,
  setRolesSchema,
  updateUserSchema,
  uuidParam,
} from './identity.schemas';
import { BY_ID, pageInMemory } from '../http/page-in-memory';
import { listQuery, pageOf } from '../http/response-fields';
import { ZodResponse } from '../http/zod-response.decorator';
import { userViewSchema } from './identity.responses';

const userId = { schema: uuidParam };

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

  @ZodResponse(pageOf(userViewSchema, 'UserPage'))
  @Get()
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Người dùng của cơ quan' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Query({ schema: listQuery }) query: z.infer<typeof listQuery>,
  ) {
    return pageInMemory(await this.listUsers.execute({ principal, agencyId }), query, BY_ID);
  }

  @ZodResponse(userViewSchema)
  @Get(':userId')
  @RequireAgencyRole()
  @ApiOperation({ summary: 'Một người dùng của cơ quan và các vai trò' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
  ) {
    return this.getUser.execute({ principal, agencyId, userId: id });
  }

  @ZodResponse(userViewSchema)
  @Post()
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Tạo người dùng (quản trị)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Body({ schema: createUserSchema }) body: z.infer<typeof createUserSchema>,
  ) {
    return this.createUser.execute({ principal, agencyId, ...body });
  }

  @ZodResponse(userViewSchema)
  @Patch(':userId')
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Sửa thông tin, đơn vị, khóa hoặc mở tài khoản (quản trị; kèm version)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
    @Body({ schema: updateUserSchema }) body: z.infer<typeof updateUserSchema>,
  ) {
    const { version: expectedVersion, ...changes } = body;
    return this.updateUser.execute({ principal, agencyId, userId: id, expectedVersion, changes });
  }

  @ZodResponse(userViewSchema)
  @Put(':userId/roles')
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Đặt vai trò của người dùng trong cơ quan' })
  roles(
    @CurrentPrincipal() principal: Principal,
    @Param('agencyId') agencyId: string,
    @Param('userId', userId) id: string,
    @Body({ schema: setRolesSchema }) body: z.infer<typeof setRolesSchema>,
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
    @Body({ schema: resetPasswordSchema }) body: z.infer<typeof resetPasswordSchema>,
  ) {
    await this.resetPassword.execute({ principal, agencyId, userId: id, newPassword: body.newPassword });
  }
}
