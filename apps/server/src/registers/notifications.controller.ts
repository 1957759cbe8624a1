import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireAgencyRole } from '@vanthu/identity';
import {
  ListNotificationsUseCase,
  MarkNotificationReadUseCase,
  ScanDeadlinesUseCase,
} from '@vanthu/registers';
import type { z } from 'zod';
import { listNotificationsQuery, notificationIdParam } from './notifications.schemas';
import { ZodResponse } from '../http/zod-response.decorator';
import { notificationPageSchema, notificationSchema, reminderRunSchema } from './registers.responses';

/** In-app notifications: each user sees only their own. */
@ApiTags('notifications')
@Controller('api/v1')
export class NotificationsController {
  constructor(
    private readonly listNotifications: ListNotificationsUseCase,
    private readonly markRead: MarkNotificationReadUseCase,
    private readonly scanDeadlines: ScanDeadlinesUseCase,
  ) {}

  @ZodResponse(notificationPageSchema)
  @Get('notifications')
  @ApiOperation({ summary: 'Thông báo của tôi (mới nhất trước), số chưa đọc' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: listNotificationsQuery }) query: z.infer<typeof listNotificationsQuery>,
  ) {
    const { unread, ...page } = query;
    return this.listNotifications.execute({ principal, unreadOnly: unread, ...page });
  }

  @ZodResponse(notificationSchema)
  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc một thông báo của tôi' })
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('id', { schema: notificationIdParam }) notificationId: string,
  ) {
    return this.markRead.execute({ principal, notificationId });
  }

  @ZodResponse(reminderRunSchema)
  @Post('agencies/:agencyId/notifications/deadline-scan')
  @HttpCode(200)
  @RequireAgencyRole('admin')
  @ApiOperation({ summary: 'Gửi ngay nhắc hạn xử lý văn bản đến (sắp đến hạn trong 2 ngày, quá hạn)' })
  deadlineScan(@CurrentPrincipal() principal: Principal, @Param('agencyId') agencyId: string) {
    return this.scanDeadlines.execute({ principal, agencyId });
  }
}
