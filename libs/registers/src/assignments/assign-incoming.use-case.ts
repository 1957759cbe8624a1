import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { DELIVERY_STATUS, DeliveryStatusReporter } from '../deliveries/delivery-status.reporter';
import { auditActorOf } from '../entries/entry-actor';
import { type EntryView, toEntryView } from '../entries/entry-view';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { assertIncoming, assertIncomingStatus, OPEN_STATUSES } from '../incoming/incoming-rules';
import { AssignmentNotifier } from '../notifications/assignment-notifier';
import { vietnamDate } from '../types/vietnam-date';
import type { AssignmentEntity, AssignmentRole } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';
import { type AssignmentTarget, AssignmentTargets } from './assignment-targets';
import { type AssignmentView, toAssignmentView } from './assignment-view';

export interface AssignIncomingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  lead: AssignmentTarget;
  cooperate?: AssignmentTarget[];
  inform?: AssignmentTarget[];
}

export interface AssignedEntryView extends EntryView {
  assignments: AssignmentView[];
}

/**
 * The leader's assignment (ND30): one lead unit or person (chủ trì), co-operating ones (phối hợp)
 * and ones informed (để biết), each with a deadline and instructions. A new assignment replaces the
 * open one; the replaced set stays in the audit event. The lead's deadline becomes the entry's.
 */
@Injectable()
export class AssignIncomingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly assignments: AssignmentRepository,
    private readonly targets: AssignmentTargets,
    private readonly notifier: AssignmentNotifier,
    private readonly reporter: DeliveryStatusReporter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: AssignIncomingInput): Promise<AssignedEntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['leader']);
    const now = this.clock.now();
    const byRole: [AssignmentRole, AssignmentTarget[]][] = [
      ['lead', [input.lead]],
      ['cooperate', input.cooperate ?? []],
      ['inform', input.inform ?? []],
    ];
    const resolved = await this.targets.resolve(agencyId, byRole, vietnamDate(now));

    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertIncoming(entry);
      assertIncomingStatus(entry, OPEN_STATUSES, 'phân công xử lý');
      const previous = await this.assignments.listOpen(entry.id);
      await this.assignments.deleteOpen(entry.id);
      const rows: AssignmentEntity[] = resolved.map((t) => ({
        id: newId(),
        entryId: entry.id,
        role: t.role,
        unitId: t.unitId,
        userId: t.userId,
        deadline: t.deadline,
        instructions: t.instructions,
        assignedBy: principal.userId,
        assignedAt: now,
        completedAt: null,
      }));
      await this.assignments.insertMany(rows);
      const lead = resolved[0];
      const saved = await this.entries.save(
        entry,
        {
          leadUnitId: lead.unitId,
          leadUserId: lead.userId,
          dueDate: lead.deadline ?? entry.dueDate,
          // Work already under way stays under way when the leader rearranges who does it.
          status: entry.status === 'in_progress' ? 'in_progress' : 'assigned',
        },
        now,
      );
      await this.reporter.report(
        saved,
        DELIVERY_STATUS.assigned,
        `Đã phân công xử lý, chủ trì: ${lead.name}`,
        principal.fullName,
      );
      const notified = await this.notifier.notify(saved, rows, now);
      await this.audit.record({
        action: previous.length > 0 ? 'incoming.reassigned' : 'incoming.assigned',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: {
          dueDate: saved.dueDate,
          assignments: rows.map(toAssignmentView),
          replaced: previous.map(toAssignmentView),
          notified,
        },
      });
      return { ...toEntryView(saved), assignments: rows.map(toAssignmentView) };
    });
  }
}
