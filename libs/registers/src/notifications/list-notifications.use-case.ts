import { Injectable } from '@nestjs/common';
import type { Principal } from '@vanthu/identity';
import { NotificationRepository } from './notification.repository';
import { type NotificationView, toNotificationView } from './notification-view';

export const NOTIFICATIONS_MAX_LIMIT = 200;

/** The caller's own notifications, newest first, with the count still unread. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(input: {
    principal: Principal;
    unreadOnly?: boolean;
    limit?: number;
  }): Promise<{ unread: number; items: NotificationView[] }> {
    const userId = input.principal.userId;
    const limit = Math.min(input.limit ?? 50, NOTIFICATIONS_MAX_LIMIT);
    const rows = await this.notifications.listForUser(userId, input.unreadOnly ?? false, limit);
    return { unread: await this.notifications.countUnread(userId), items: rows.map(toNotificationView) };
  }
}
