import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { decodeCursor, encodeCursor, type Page } from '@vanthu/shared';
import { InboxRepository } from './inbox.repository';
import { type IncomingEntryView, toIncomingEntryView } from './incoming-view';

export const INBOX_DEFAULT_LIMIT = 50;
export const INBOX_MAX_LIMIT = 200;

/**
 * Documents delivered to the agency electronically and waiting to be registered, with their files
 * and signature check, oldest first, in keyset pages with the number waiting. Clerks register them;
 * leaders see what is arriving (urgent documents are presented immediately, ND30).
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
    cursor?: string;
  }): Promise<Page<IncomingEntryView>> {
    authorizeAgency(input.principal, input.agencyId, ['clerk', 'leader']);
    const limit = Math.min(input.limit ?? INBOX_DEFAULT_LIMIT, INBOX_MAX_LIMIT);
    const after = input.cursor ? decodeCursor(input.cursor, ['timestamp', 'uuid']) : undefined;
    const rows = await this.inbox.listReceived(
      input.agencyId,
      limit + 1,
      after && { at: new Date(after[0]), id: after[1] },
    );
    const page = rows.slice(0, limit);
    const items: IncomingEntryView[] = [];
    for (const row of page) items.push(toIncomingEntryView(row, await this.documents.latest(row.id)));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit
          ? encodeCursor([(last.arrivalAt ?? last.createdAt).toISOString(), last.id])
          : null,
      total: await this.inbox.countReceived(input.agencyId),
    };
  }
}
