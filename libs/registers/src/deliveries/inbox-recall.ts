import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { Clock } from '@vanthu/shared';
import { DocumentCopyRepository } from '../copies/document-copy.repository';
import { RegisterEntryRepository } from '../entries/register-entry.repository';

export const RECALL_NOTICE = 'Văn bản đã bị cơ quan ban hành thu hồi; nội dung và tệp đã được hủy.';

/**
 * ND30 recall at the recipient, whichever path the recall came by: the recalled document and its
 * metadata are destroyed, the record of the recall stays (the entry keeps its arrival number,
 * sender and notation so the register has no hole, with status 'recalled' and the reason). Copies
 * the recipient made of it are withdrawn: they keep their numbers, their files are no longer served.
 */
@Injectable()
export class InboxRecall {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly documents: DocumentStore,
    private readonly copies: DocumentCopyRepository,
    private readonly clock: Clock,
  ) {}

  async recall(agencyId: string, entryId: string, reason: string, notice = RECALL_NOTICE): Promise<void> {
    const now = this.clock.now();
    const entry = await this.entries.lockForChange(agencyId, entryId);
    if (entry.status === 'recalled') return;
    await this.documents.destroyEntryFiles(entry.id);
    await this.copies.withdrawBySource(entry.agencyId, entry.id, now);
    await this.entries.save(
      entry,
      {
        status: 'recalled',
        subject: notice,
        description: null,
        toPlaces: null,
        returnReason: reason,
        closedAt: now,
      },
      now,
    );
  }
}
