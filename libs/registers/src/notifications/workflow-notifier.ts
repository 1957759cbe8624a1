import { Injectable } from '@nestjs/common';
import { newId } from '@vanthu/shared';
import type { Priority, RegisterEntryEntity } from '../entries/register-entry.entity';
import { numberNotation } from '../types/notation';
import type { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';

/** The notifications of the document workflow, by kind (`notification.kind`). */
export type WorkflowEvent =
  | 'outgoing_submitted'
  | 'outgoing_forwarded'
  | 'outgoing_returned'
  | 'outgoing_signed'
  | 'outgoing_issued'
  | 'incoming_arrived';

const TITLES: Record<WorkflowEvent, string> = {
  outgoing_submitted: 'Dự thảo trình ký',
  outgoing_forwarded: 'Dự thảo chờ duyệt ký',
  outgoing_returned: 'Dự thảo bị trả lại',
  outgoing_signed: 'Văn bản đã ký, chờ phát hành',
  outgoing_issued: 'Văn bản đã phát hành',
  incoming_arrived: 'Văn bản đến chờ vào sổ',
};

const URGENCY: Record<Priority, string> = {
  normal: '',
  urgent: '[Khẩn] ',
  very_urgent: '[Thượng khẩn] ',
  flash: '[Hỏa tốc] ',
};

type Entry = Pick<
  RegisterEntryEntity,
  | 'id'
  | 'agencyId'
  | 'version'
  | 'subject'
  | 'priority'
  | 'codeNumber'
  | 'codeNotation'
  | 'organName'
  | 'signerUserId'
  | 'createdBy'
>;

/**
 * Tells the people a step of the workflow hands the document to, in the transaction of the step
 * (so a step that rolls back tells no one): the signer when a draft is submitted for signing and
 * when it is forwarded to them for approval, the drafter when it is returned and when it is
 * issued, the agency's clerks when it is signed and waits to be issued and when a document arrives
 * in their inbox. Never the person who took the step. One notification per person and step: the
 * dedupe key names the entry and the version the step produced, so a step run again (a group
 * commit's retry) adds nothing, while the next submission of a returned draft is news again.
 */
@Injectable()
export class WorkflowNotifier {
  constructor(private readonly notifications: NotificationRepository) {}

  /** The drafter submitted the draft: its designated signer learns it is on its way. */
  submitted(entry: Entry, actorId: string, at: Date): Promise<number> {
    return this.toUsers('outgoing_submitted', entry, [entry.signerUserId], actorId, at);
  }

  /** The unit head forwarded the draft to the signer for approval. */
  forwarded(entry: Entry, actorId: string, at: Date): Promise<number> {
    return this.toUsers('outgoing_forwarded', entry, [entry.signerUserId], actorId, at);
  }

  /** The reviewer or the signer returned the draft to its drafter. */
  returned(entry: Entry, actorId: string, at: Date): Promise<number> {
    return this.toUsers('outgoing_returned', entry, [entry.createdBy], actorId, at);
  }

  /** The leader signed: the clerks are to number, seal and issue it. */
  async signed(entry: Entry, actorId: string, at: Date): Promise<number> {
    const clerks = await this.notifications.withRole(entry.agencyId, 'clerk');
    return this.toUsers('outgoing_signed', entry, clerks, actorId, at);
  }

  /** The clerk issued it: its drafter learns its number. */
  issued(entry: Entry, actorId: string, at: Date): Promise<number> {
    return this.toUsers('outgoing_issued', entry, [entry.createdBy], actorId, at);
  }

  /** A document arrived in the inbox of `entry.agencyId`: its clerks are to register it. */
  async arrived(entry: Entry, at: Date): Promise<number> {
    const clerks = await this.notifications.withRole(entry.agencyId, 'clerk');
    return this.toUsers('incoming_arrived', entry, clerks, null, at);
  }

  private async toUsers(
    event: WorkflowEvent,
    entry: Entry,
    userIds: readonly (string | null)[],
    actorId: string | null,
    at: Date,
  ): Promise<number> {
    const wanted = [...new Set(userIds)].filter((id): id is string => id !== null && id !== actorId);
    const rows: NotificationEntity[] = (await this.notifications.active(wanted)).map((userId) => ({
      id: newId(),
      userId,
      agencyId: entry.agencyId,
      kind: event,
      entryId: entry.id,
      title: `${URGENCY[entry.priority]}${TITLES[event]}: ${label(event, entry)}`,
      dedupeKey: `${event}:${entry.id}:${entry.version}`,
      createdAt: at,
      readAt: null,
    }));
    return this.notifications.insertMany(rows);
  }
}

function label(event: WorkflowEvent, entry: Entry, max = 400): string {
  const subject = entry.subject.length > max ? `${entry.subject.slice(0, max - 1)}…` : entry.subject;
  const number =
    entry.codeNumber && entry.codeNotation ? `${numberNotation(entry.codeNumber, entry.codeNotation)} ` : '';
  if (event === 'incoming_arrived')
    return `${number}${subject}${entry.organName ? ` (${entry.organName})` : ''}`;
  return `${event === 'outgoing_issued' ? number : ''}${subject}`;
}
