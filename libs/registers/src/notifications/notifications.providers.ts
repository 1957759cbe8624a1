import type { Provider } from '@nestjs/common';
import { AssignmentNotifier } from './assignment-notifier';
import { DeadlineReminder } from './deadline-reminder';
import { ListNotificationsUseCase } from './list-notifications.use-case';
import { MarkNotificationReadUseCase } from './mark-notification-read.use-case';
import { NotificationRepository } from './notification.repository';
import { ScanDeadlinesUseCase } from './scan-deadlines.use-case';
import { WorkflowNotifier } from './workflow-notifier';

/** In-app notifications (listed in INCOMING_PROVIDERS). */
export const NOTIFICATIONS_PROVIDERS: Provider[] = [
  NotificationRepository,
  AssignmentNotifier,
  DeadlineReminder,
  ListNotificationsUseCase,
  MarkNotificationReadUseCase,
  ScanDeadlinesUseCase,
  WorkflowNotifier,
];
