import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import {
  ChangePasswordUseCase,
  CurrentPrincipal,
  DescribeCurrentUserUseCase,
  LoginUseCase,
  LogoutUseCase,
  type Principal,
  Public,
} from '@vanthu/identity';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { SESSION_COOKIE } from '../http/session-token';
import { ZodResponse } from '../http/zod-response.decorator';
import { currentUserSchema, loginResultSchema } from './auth.responses';
import { changePasswordSchema, loginSchema } from './auth.schemas';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly logout: LogoutUseCase,
    private readonly changePassword: ChangePasswordUseCase,
    private readonly describeCurrentUser: DescribeCurrentUserUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ZodResponse(loginResultSchema)
  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập: trả token (API) và đặt cookie httpOnly (trình duyệt)' })
  async postLogin(
    @Body({ schema: loginSchema }) body: z.infer<typeof loginSchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.login.execute({ ...body, ip: req.ip, userAgent: req.header('user-agent') });
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.server.cookieSecure,
      expires: result.expiresAt,
      path: '/',
    });
    return result;
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất (thu hồi phiên hiện tại)' })
  async postLogout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    await this.logout.execute(principal);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @ZodResponse(currentUserSchema)
  @Get('me')
  @ApiOperation({ summary: 'Người dùng hiện tại và các vai trò theo cơ quan' })
  me(@CurrentPrincipal() principal: Principal) {
    return this.describeCurrentUser.execute(principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đổi mật khẩu của chính mình' })
  async postPassword(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: changePasswordSchema }) body: z.infer<typeof changePasswordSchema>,
  ) {
    await this.changePassword.execute({ principal, ...body });
  }
}
