import type { AssignmentEntity, AssignmentRole } from './assignment.entity';

/** One assignment as the API shows it: who, in which role, by when and with which instructions. */
export interface AssignmentView {
  id: string;
  role: AssignmentRole;
  unitId: string | null;
  userId: string | null;
  deadline: string | null;
  instructions: string | null;
  assignedBy: string;
  assignedAt: string;
  completedAt: string | null;
}

export function toAssignmentView(row: AssignmentEntity): AssignmentView {
  return {
    id: row.id,
    role: row.role,
    unitId: row.unitId,
    userId: row.userId,
    deadline: row.deadline,
    instructions: row.instructions,
    assignedBy: row.assignedBy,
    assignedAt: row.assignedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
