import { Injectable } from '@nestjs/common';
import type { Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { RegistersErrors } from '../registers.errors';
import { NotificationRepository } from './notification.repository';
import { type NotificationView, toNotificationView } from './notification-view';

/** Marks one of the caller's notifications read; anyone else's is NOTIFICATION_NOT_FOUND (404). */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: { principal: Principal; notificationId: string }): Promise<NotificationView> {
    const row = await this.notifications.findForUser(input.notificationId, input.principal.userId);
    if (!row) throw RegistersErrors.notificationNotFound();
    if (row.readAt) return toNotificationView(row);
    const at = this.clock.now();
    await this.notifications.markRead(row.id, at);
    return toNotificationView({ ...row, readAt: at });
  }
}
