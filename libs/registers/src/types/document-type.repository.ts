import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegistersErrors } from '../registers.errors';
import { DocumentTypeEntity } from './document-type.entity';

@Injectable()
export class DocumentTypeRepository {
  private cache: Map<string, DocumentTypeEntity> | null = null;
  private nameCache: Map<string, string> | null = null;

  constructor(private readonly db: Database) {}

  /** The ND30 list never changes at run time (it is seeded by a migration), so it is read once. */
  async list(): Promise<DocumentTypeEntity[]> {
    if (!this.cache) {
      const rows = await this.db.manager.find(DocumentTypeEntity, { order: { sortOrder: 'ASC' } });
      this.cache = new Map(rows.map((r) => [r.code, r]));
    }
    return [...this.cache.values()];
  }

  /** Each type's name by its code. */
  async names(): Promise<ReadonlyMap<string, string>> {
    if (!this.nameCache) this.nameCache = new Map((await this.list()).map((t) => [t.code, t.name]));
    return this.nameCache;
  }

  async get(code: string): Promise<DocumentTypeEntity> {
    await this.list();
    const type = this.cache!.get(code);
    if (!type) throw RegistersErrors.documentTypeUnknown(code);
    return type;
  }
}
