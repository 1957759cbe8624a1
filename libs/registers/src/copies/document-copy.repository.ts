import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { DocumentCopyEntity } from './document-copy.entity';

/** The electronic copies of an agency (`document_copy`): written once, never changed. */
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

  findInAgency(agencyId: string, id: string): Promise<DocumentCopyEntity | null> {
    return this.db.manager.findOneBy(DocumentCopyEntity, { agencyId, id });
  }
}
