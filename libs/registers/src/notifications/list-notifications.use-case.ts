import { Injectable } from '@nestjs/common';
import type { Principal } from '@vanthu/identity';
import { decodeCursor, encodeCursor, type Page } from '@vanthu/shared';
import { NotificationRepository } from './notification.repository';
import { type NotificationView, toNotificationView } from './notification-view';

export const NOTIFICATIONS_DEFAULT_LIMIT = 50;
export const NOTIFICATIONS_MAX_LIMIT = 200;

/** The caller's own notifications, newest first in keyset pages, with the count still unread. */
@Injectable()
export class ListNotificationsUseCase {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(input: {
    principal: Principal;
    unreadOnly?: boolean;
    limit?: number;
    cursor?: string;
  }): Promise<Page<NotificationView> & { unread: number }> {
    const userId = input.principal.userId;
    const limit = Math.min(input.limit ?? NOTIFICATIONS_DEFAULT_LIMIT, NOTIFICATIONS_MAX_LIMIT);
    const before = input.cursor ? decodeCursor(input.cursor, ['timestamp', 'uuid']) : undefined;
    const rows = await this.notifications.listForUser(
      userId,
      input.unreadOnly ?? false,
      limit + 1,
      before && { at: new Date(before[0]), id: before[1] },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const unread = await this.notifications.countUnread(userId);
    return {
      items: page.map(toNotificationView),
      nextCursor: rows.length > limit ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      total: input.unreadOnly ? unread : await this.notifications.countForUser(userId),
      unread,
    };
  }
}
