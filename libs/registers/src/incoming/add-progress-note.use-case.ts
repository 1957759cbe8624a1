import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, hasRole, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { DELIVERY_STATUS, DeliveryStatusReporter } from '../deliveries/delivery-status.reporter';
import { auditActorOf } from '../entries/entry-actor';
import { EntryNoteRepository } from '../entries/entry-note.repository';
import { type EntryView, toEntryView } from '../entries/entry-view';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';
import { assertIncoming, assertIncomingStatus, OPEN_STATUSES } from './incoming-rules';

export interface AddProgressNoteInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  kind: 'progress' | 'opinion';
  body: string;
  /** Optional: a note adds to the entry rather than editing it, so a stale view is no conflict. */
  version?: number;
}

export interface ProgressNoteView {
  id: string;
  entryId: string;
  kind: 'progress' | 'opinion';
  body: string;
  authorId: string;
  createdAt: string;
}

/**
 * Progress (tiến độ) and opinions on an incoming document, by those handling it (directly or
 * through their unit) or by the agency's leaders and clerks. The first progress report starts the
 * handling: 'assigned' becomes 'in_progress' and the sender is told (status 05).
 */
@Injectable()
export class AddProgressNoteUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly notes: EntryNoteRepository,
    private readonly assignments: AssignmentRepository,
    private readonly reporter: DeliveryStatusReporter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: AddProgressNoteInput): Promise<{ note: ProgressNoteView; entry: EntryView }> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['leader', 'clerk', 'specialist']);
    const body = input.body.trim();
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertIncoming(entry);
      assertIncomingStatus(entry, OPEN_STATUSES, 'cập nhật tiến độ, ý kiến');
      if (
        !hasRole(principal, agencyId, 'leader', 'clerk') &&
        !(await this.assignments.isHandler(entry.id, principal.userId))
      )
        throw RegistersErrors.forbidden(
          'Chỉ người được giao xử lý văn bản này mới được cập nhật tiến độ, ý kiến.',
        );
      const now = this.clock.now();
      const note = await this.notes.add(entry.id, principal.userId, input.kind, body, now);
      const starts = input.kind === 'progress' && entry.status === 'assigned';
      const saved = starts ? await this.entries.save(entry, { status: 'in_progress' }, now) : entry;
      if (starts)
        await this.reporter.report(saved, DELIVERY_STATUS.inProgress, 'Đang xử lý', principal.fullName);
      await this.audit.record({
        action: 'incoming.note_added',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { noteId: note.id, kind: input.kind, ...(starts ? { status: 'in_progress' } : {}) },
      });
      return {
        note: {
          id: note.id,
          entryId: note.entryId,
          kind: input.kind,
          body: note.body,
          authorId: principal.userId,
          createdAt: note.createdAt.toISOString(),
        },
        entry: toEntryView(saved),
      };
    });
  }
}
