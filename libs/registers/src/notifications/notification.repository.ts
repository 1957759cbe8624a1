import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export interface AgencyMember {
  id: string;
  unitId: string | null;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the notifications, skipping any whose (user, dedupe key) already exists, so a
   * repeated reminder is a no-op; returns how many were new.
   */
  async insertMany(rows: NotificationEntity[]): Promise<number> {
    let inserted = 0;
    for (const r of rows) {
      const result: unknown[] = await this.db.manager.query(
        `INSERT INTO notification (id, user_id, agency_id, kind, entry_id, title, dedupe_key, created_at, read_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
         ON CONFLICT ON CONSTRAINT uq_notification_dedupe DO NOTHING RETURNING id`,
        [r.id, r.userId, r.agencyId, r.kind, r.entryId, r.title, r.dedupeKey, r.createdAt],
      );
      inserted += result.length;
    }
    return inserted;
  }

  /** Active users of the agency named directly or belonging to one of the units. */
  async membersOf(agencyId: string, userIds: string[], unitIds: string[]): Promise<AgencyMember[]> {
    if (userIds.length === 0 && unitIds.length === 0) return [];
    const rows: { id: string; unit_id: string | null }[] = await this.db.manager.query(
      `SELECT id, unit_id FROM app_user
        WHERE agency_id = $1 AND active AND (id = ANY($2::uuid[]) OR unit_id = ANY($3::uuid[]))
        ORDER BY id`,
      [agencyId, userIds, unitIds],
    );
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id }));
  }

  /** Those of the users who are active. */
  async active(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { id: string }[] = await this.db.manager.query(
      'SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active ORDER BY id',
      [userIds],
    );
    return rows.map((r) => r.id);
  }

  /** Active users holding `role` in the agency. */
  async withRole(agencyId: string, role: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
        WHERE r.agency_id = $1 AND r.role = $2 AND u.active ORDER BY u.id`,
      [agencyId, role],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Newest first, in keyset pages after `before` (the previous page's last row). The time is cut to
   * the millisecond a JavaScript Date holds, so a cursor made from it never repeats its row.
   */
  listForUser(
    userId: string,
    unreadOnly: boolean,
    limit: number,
    before?: { at: Date; id: string },
  ): Promise<NotificationEntity[]> {
    const q = this.db.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.user_id = :userId', { userId });
    if (unreadOnly) q.andWhere('n.read_at IS NULL');
    if (before) {
      q.andWhere(`(date_trunc('milliseconds', n.created_at), n.id) < (:at, :id)`, {
        at: before.at,
        id: before.id,
      });
    }
    return q
      .orderBy(`date_trunc('milliseconds', n.created_at)`, 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  countForUser(userId: string): Promise<number> {
    return this.db.manager.count(NotificationEntity, { where: { userId } });
  }

  countUnread(userId: string): Promise<number> {
    return this.db.manager.count(NotificationEntity, { where: { userId, readAt: IsNull() } });
  }

  /** Another user's notification reads as absent. */
  findForUser(id: string, userId: string): Promise<NotificationEntity | null> {
    return this.db.manager.findOneBy(NotificationEntity, { id, userId });
  }

  async markRead(id: string, at: Date): Promise<void> {
    await this.db.manager.update(NotificationEntity, { id, readAt: IsNull() }, { readAt: at });
  }
}
