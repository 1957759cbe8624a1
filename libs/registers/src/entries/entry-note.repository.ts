import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { newId } from '@vanthu/shared';
import { EntryNoteEntity, type EntryNoteKind } from './entry-note.entity';

@Injectable()
export class EntryNoteRepository {
  constructor(private readonly db: Database) {}

  async add(
    entryId: string,
    authorId: string | null,
    kind: EntryNoteKind,
    body: string,
    at: Date,
  ): Promise<EntryNoteEntity> {
    const row: EntryNoteEntity = { id: newId(), entryId, authorId, kind, body, createdAt: at };
    await this.db.manager.insert(EntryNoteEntity, row);
    return row;
  }

  listByEntry(entryId: string): Promise<EntryNoteEntity[]> {
    return this.db.manager.find(EntryNoteEntity, {
      where: { entryId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
