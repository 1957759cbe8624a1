import { Injectable } from '@nestjs/common';
import { newId } from '@vanthu/shared';
import type { AssignmentEntity, AssignmentRole } from '../assignments/assignment.entity';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { incomingLabel, vietnameseDate } from '../incoming/incoming-rules';
import type { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';

const ROLE_RANK: Record<AssignmentRole, number> = { lead: 0, cooperate: 1, inform: 2 };

const ROLE_TITLE: Record<AssignmentRole, string> = {
  lead: 'Được giao chủ trì xử lý',
  cooperate: 'Được giao phối hợp xử lý',
  inform: 'Để biết',
};

type Assigned = Pick<AssignmentEntity, 'role' | 'unitId' | 'userId' | 'deadline'>;

/**
 * Tells everyone a new assignment concerns: each person named and every member of each unit named.
 * A person reached twice (directly and through their unit, or in two roles) is told once, in the
 * role that asks most of them.
 */
@Injectable()
export class AssignmentNotifier {
  constructor(private readonly notifications: NotificationRepository) {}

  async notify(entry: RegisterEntryEntity, assignments: readonly Assigned[], at: Date): Promise<number> {
    const userIds = assignments.flatMap((a) => (a.userId ? [a.userId] : []));
    const unitIds = assignments.flatMap((a) => (a.unitId ? [a.unitId] : []));
    const members = await this.notifications.membersOf(entry.agencyId, userIds, unitIds);
    const strongest = new Map<string, Assigned>();
    for (const member of members) {
      for (const a of assignments) {
        const concerns = a.userId === member.id || (a.unitId !== null && a.unitId === member.unitId);
        const current = strongest.get(member.id);
        if (concerns && (!current || ROLE_RANK[a.role] < ROLE_RANK[current.role]))
          strongest.set(member.id, a);
      }
    }
    const rows: NotificationEntity[] = [...strongest].map(([userId, a]) => ({
      id: newId(),
      userId,
      agencyId: entry.agencyId,
      kind: 'assignment',
      entryId: entry.id,
      title: this.title(entry, a),
      dedupeKey: null,
      createdAt: at,
      readAt: null,
    }));
    return this.notifications.insertMany(rows);
  }

  private title(entry: RegisterEntryEntity, a: Assigned): string {
    const deadline = a.deadline && a.role !== 'inform' ? ` (hạn ${vietnameseDate(a.deadline)})` : '';
    return `${ROLE_TITLE[a.role]} ${incomingLabel(entry)}${deadline}`;
  }
}
