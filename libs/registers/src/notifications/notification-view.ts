import type { NotificationEntity } from './notification.entity';

export interface NotificationView {
  id: string;
  agencyId: string;
  kind: string;
  entryId: string | null;
  title: string;
  createdAt: string;
  readAt: string | null;
}

export function toNotificationView(row: NotificationEntity): NotificationView {
  return {
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind,
    entryId: row.entryId,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
