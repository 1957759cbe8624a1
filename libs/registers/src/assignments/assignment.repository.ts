import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { IsNull } from 'typeorm';
import { AssignmentEntity, type AssignmentRole } from './assignment.entity';

const ROLE_ORDER: Record<AssignmentRole, number> = { lead: 0, cooperate: 1, inform: 2 };

/** Assignments made together share their time: lead first, then co-operating, then informed. */
function inRoleOrder(rows: AssignmentEntity[]): AssignmentEntity[] {
  return rows.sort(
    (a, b) => a.assignedAt.getTime() - b.assignedAt.getTime() || ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
  );
}

@Injectable()
export class AssignmentRepository {
  constructor(private readonly db: Database) {}

  async insertMany(rows: AssignmentEntity[]): Promise<void> {
    if (rows.length > 0) await this.db.manager.insert(AssignmentEntity, rows);
  }

  async listOpen(entryId: string): Promise<AssignmentEntity[]> {
    return inRoleOrder(
      await this.db.manager.find(AssignmentEntity, {
        where: { entryId, completedAt: IsNull() },
        order: { assignedAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  async deleteOpen(entryId: string): Promise<void> {
    await this.db.manager.delete(AssignmentEntity, { entryId, completedAt: IsNull() });
  }

  async completeOpen(entryId: string, at: Date): Promise<void> {
    await this.db.manager.update(AssignmentEntity, { entryId, completedAt: IsNull() }, { completedAt: at });
  }

  /**
   * Whether the user handles the entry (lead or co-operating), named directly or through their
   * unit; units "for information" only read.
   */
  async isHandler(entryId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `SELECT 1 FROM assignment a
        WHERE a.entry_id = $1 AND a.completed_at IS NULL AND a.role IN ('lead', 'cooperate')
          AND (a.user_id = $2 OR a.unit_id = (SELECT u.unit_id FROM app_user u WHERE u.id = $2))
        LIMIT 1`,
      [entryId, userId],
    );
    return rows.length > 0;
  }
}
