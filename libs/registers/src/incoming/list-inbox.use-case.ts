import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { InboxRepository } from './inbox.repository';
import { type IncomingEntryView, toIncomingEntryView } from './incoming-view';

export const INBOX_MAX_LIMIT = 200;

/**
 * Documents delivered to the agency electronically and waiting to be registered, with their files
 * and signature check. Clerks register them; leaders see what is arriving (urgent documents are
 * presented immediately, ND30).
 */
@Injectable()
export class ListInboxUseCase {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly documents: DocumentStore,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    limit?: number;
  }): Promise<IncomingEntryView[]> {
    authorizeAgency(input.principal, input.agencyId, ['clerk', 'leader']);
    const rows = await this.inbox.listReceived(input.agencyId, Math.min(input.limit ?? 100, INBOX_MAX_LIMIT));
    const views: IncomingEntryView[] = [];
    for (const row of rows) views.push(toIncomingEntryView(row, await this.documents.latest(row.id)));
    return views;
  }
}
