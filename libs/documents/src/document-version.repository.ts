import { Injectable } from '@nestjs/common';
import { Database, insertRows } from '@vanthu/persistence';
import { DocumentVersionEntity } from './document-version.entity';

@Injectable()
export class DocumentVersionRepository {
  constructor(private readonly db: Database) {}

  async insert(row: DocumentVersionEntity): Promise<void> {
    await insertRows(this.db.manager, DocumentVersionEntity, [row]);
  }

  async insertMany(rows: DocumentVersionEntity[]): Promise<void> {
    await insertRows(this.db.manager, DocumentVersionEntity, rows);
  }

  /** The next sequence number of a file; the caller holds the entry's row lock. */
  async nextSeq(entryId: string, fileIndex: number): Promise<number> {
    const rows: { next: number }[] = await this.db.manager.query(
      'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM document_version WHERE entry_id = $1 AND file_index = $2',
      [entryId, fileIndex],
    );
    return Number(rows[0].next);
  }

  listByEntry(entryId: string): Promise<DocumentVersionEntity[]> {
    return this.db.manager.find(DocumentVersionEntity, {
      where: { entryId },
      order: { fileIndex: 'ASC', seq: 'ASC' },
    });
  }

  findInEntry(entryId: string, id: string): Promise<DocumentVersionEntity | null> {
    return this.db.manager.findOneBy(DocumentVersionEntity, { entryId, id });
  }

  /** The newest version of every file of the entry, main document first. */
  async latestByEntry(entryId: string): Promise<DocumentVersionEntity[]> {
    const all = await this.listByEntry(entryId);
    const latest = new Map<number, DocumentVersionEntity>();
    for (const row of all) latest.set(row.fileIndex, row);
    return [...latest.values()];
  }

  async deleteByEntry(entryId: string): Promise<string[]> {
    const rows = await this.db.manager
      .createQueryBuilder()
      .delete()
      .from(DocumentVersionEntity)
      .where('entry_id = :entryId', { entryId })
      .returning(['storage_key'])
      .execute();
    return (rows.raw as { storage_key: string }[]).map((r) => r.storage_key);
  }
}
