import { Injectable } from '@nestjs/common';
import { authorizeAgency, hasRole, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { AppException, Clock } from '@vanthu/shared';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { type EntryView, toEntryView } from '../entries/entry-view';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';
import { assertUsableReply, IncomingCloser } from './incoming-closer';
import { assertIncoming, assertIncomingStatus, OPEN_STATUSES } from './incoming-rules';

export interface CloseIncomingInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  /** The issued outgoing document that answers this one. */
  replyEntryId?: string | null;
  /** Why the leader closes it without a reply (handled, no answer needed). */
  note?: string | null;
}

/**
 * Closes an incoming document (ND30: handled, reply linked): anyone handling it, a leader or a
 * clerk links the reply; without a reply only a leader may close it, and must say why.
 */
@Injectable()
export class CloseIncomingUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly assignments: AssignmentRepository,
    private readonly closer: IncomingCloser,
    private readonly clock: Clock,
  ) {}

  async execute(input: CloseIncomingInput): Promise<EntryView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['leader', 'clerk', 'specialist']);
    const note = input.note?.trim() || null;
    const replyId = input.replyEntryId ?? null;
    if (!replyId && !hasRole(principal, agencyId, 'leader'))
      throw RegistersErrors.forbidden(
        'Chỉ lãnh đạo mới được kết thúc văn bản đến khi chưa có văn bản trả lời.',
      );
    if (!replyId && !note)
      throw new AppException(
        'CLOSE_NOTE_REQUIRED',
        'Vui lòng ghi lý do kết thúc xử lý khi không có văn bản trả lời.',
        400,
      );
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertIncoming(entry);
      assertIncomingStatus(entry, OPEN_STATUSES, 'kết thúc xử lý');
      if (
        !hasRole(principal, agencyId, 'leader', 'clerk') &&
        !(await this.assignments.isHandler(entry.id, principal.userId))
      )
        throw RegistersErrors.forbidden(
          'Chỉ người được giao xử lý văn bản này mới được gắn văn bản trả lời.',
        );
      const reply = replyId
        ? assertUsableReply(await this.entries.findInAgency(agencyId, replyId), agencyId)
        : null;
      const saved = await this.closer.close(entry, { reply, note, actor: principal, at: this.clock.now() });
      return toEntryView(saved);
    });
  }
}
