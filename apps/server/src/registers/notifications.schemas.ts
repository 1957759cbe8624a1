import { NOTIFICATIONS_DEFAULT_LIMIT, NOTIFICATIONS_MAX_LIMIT } from '@vanthu/registers';
import { z } from 'zod';
import { pageQuery } from '../http/response-fields';

export const notificationIdParam = z.uuid();

export const listNotificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery(NOTIFICATIONS_MAX_LIMIT, NOTIFICATIONS_DEFAULT_LIMIT),
});
