import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { IsNull } from 'typeorm';
import { DocumentCopyEntity } from './document-copy.entity';

/** The electronic copies of an agency (`document_copy`): written once, changed only to withdraw them. */
@Injectable()
export class DocumentCopyRepository {
  constructor(private readonly db: Database) {}

  async insert(row: DocumentCopyEntity): Promise<DocumentCopyEntity> {
    await this.db.manager.insert(DocumentCopyEntity, row);
    return row;
  }

  /** The copies made of one document, in the order of their numbers. */
  listBySource(agencyId: string, sourceEntryId: string): Promise<DocumentCopyEntity[]> {
    return this.db.manager.find(DocumentCopyEntity, {
      where: { agencyId, sourceEntryId },
      order: { year: 'ASC', number: 'ASC' },
    });
  }

  /** Withdraws the copies of a recalled document (inside the recall's transaction); how many. */
  async withdrawBySource(agencyId: string, sourceEntryId: string, at: Date): Promise<number> {
    const result = await this.db.manager.update(
      DocumentCopyEntity,
      { agencyId, sourceEntryId, withdrawnAt: IsNull() },
      { withdrawnAt: at },
    );
    return result.affected ?? 0;
  }

  findInAgency(agencyId: string, id: string): Promise<DocumentCopyEntity | null> {
    return this.db.manager.findOneBy(DocumentCopyEntity, { agencyId, id });
  }
}
