import { Injectable } from '@nestjs/common';
import { UnitRepository, UserRepository } from '@vanthu/identity';
import { AppException } from '@vanthu/shared';
import { isCalendarDate } from '../incoming/incoming-metadata';
import { RegistersErrors } from '../registers.errors';
import type { AssignmentRole } from './assignment.entity';

/** A unit or a person of the agency (exactly one of the two), with a deadline and instructions. */
export interface AssignmentTarget {
  unitId?: string | null;
  userId?: string | null;
  deadline?: string | null;
  instructions?: string | null;
}

export interface ResolvedTarget {
  role: AssignmentRole;
  unitId: string | null;
  userId: string | null;
  deadline: string | null;
  instructions: string | null;
  /** The unit's or person's name, for the status reported to the sender. */
  name: string;
}

/** Checks the targets of an assignment against the agency's units and users. */
@Injectable()
export class AssignmentTargets {
  constructor(
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
  ) {}

  /** In role order (the lead first); UNIT_NOT_FOUND / USER_NOT_FOUND for anything outside the agency. */
  async resolve(
    agencyId: string,
    byRole: readonly [AssignmentRole, readonly AssignmentTarget[]][],
    today: string,
  ): Promise<ResolvedTarget[]> {
    const seen = new Set<string>();
    const resolved: ResolvedTarget[] = [];
    for (const [role, targets] of byRole) {
      for (const t of targets) {
        const unitId = t.unitId ?? null;
        const userId = t.userId ?? null;
        if ((unitId === null) === (userId === null))
          throw new AppException(
            'ASSIGNMENT_TARGET_INVALID',
            'Mỗi mục phân công phải chọn đúng một đơn vị hoặc một cá nhân.',
            400,
            { role },
          );
        const key = unitId ? `unit:${unitId}` : `user:${userId}`;
        if (seen.has(key)) throw RegistersErrors.assignmentTargetRepeated();
        seen.add(key);
        const deadline = t.deadline ?? null;
        if (deadline !== null && !isCalendarDate(deadline)) throw RegistersErrors.dateInvalid('deadline');
        if (deadline !== null && deadline < today) throw RegistersErrors.deadlineInPast();
        const name = unitId ? await this.unitName(agencyId, unitId) : await this.userName(agencyId, userId!);
        resolved.push({ role, unitId, userId, deadline, instructions: t.instructions?.trim() || null, name });
      }
    }
    return resolved;
  }

  private async unitName(agencyId: string, id: string): Promise<string> {
    const unit = await this.units.findInAgency(agencyId, id);
    if (!unit || !unit.active) throw RegistersErrors.unitNotFound();
    return unit.name;
  }

  private async userName(agencyId: string, id: string): Promise<string> {
    const user = await this.users.findInAgency(agencyId, id);
    if (!user || !user.active) throw RegistersErrors.userNotFound();
    return user.fullName;
  }
}
