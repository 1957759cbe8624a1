import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import { EntryNoteRepository } from '../entries/entry-note.repository';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';

/** The fields a sender may correct on an issued document (edXML update, BussinessDocType 2). */
export type IssuedCorrections = Partial<
  Pick<RegisterEntryEntity, 'subject' | 'dueDate' | 'toPlaces' | 'description' | 'priority'>
>;

/**
 * An update at the recipient, whichever path it came by: its copy gets the corrected fields and a
 * note saying why (written by the clerk who corrected it when on this node; by nobody here when
 * the sender is on another node). A recalled or returned document is left as it is: false.
 */
@Injectable()
export class InboxUpdate {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly notes: EntryNoteRepository,
    private readonly clock: Clock,
  ) {}

  async apply(
    agencyId: string,
    entryId: string,
    changes: IssuedCorrections,
    reason: string,
    authorId: string | null,
  ): Promise<boolean> {
    const now = this.clock.now();
    const entry = await this.entries.lockForChange(agencyId, entryId);
    if (entry.status === 'recalled' || entry.status === 'returned') return false;
    await this.entries.save(entry, changes, now);
    await this.notes.add(
      entry.id,
      authorId,
      'comment',
      `Cơ quan ban hành cập nhật thông tin văn bản: ${reason}`,
      now,
    );
    return true;
  }
}
