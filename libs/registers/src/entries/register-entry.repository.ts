import { Injectable } from '@nestjs/common';
import { Database, insertRows } from '@vanthu/persistence';
import { RegistersErrors } from '../registers.errors';
import { RegisterEntryEntity } from './register-entry.entity';
import { buildSearchText } from './search-text';

export type NewEntry = Omit<
  RegisterEntryEntity,
  'version' | 'searchText' | 'createdAt' | 'updatedAt' | 'replacedBy'
> & {
  createdAt: Date;
  replacedBy?: string | null;
};

@Injectable()
export class RegisterEntryRepository {
  constructor(private readonly db: Database) {}

  async insert(row: NewEntry): Promise<RegisterEntryEntity> {
    const full: RegisterEntryEntity = {
      ...row,
      replacedBy: row.replacedBy ?? null,
      updatedAt: row.createdAt,
      version: 1,
      searchText: buildSearchText(row),
    };
    await insertRows(this.db.manager, RegisterEntryEntity, [full]);
    return full;
  }

  /** An entry of the agency; another agency's reads as absent. */
  findInAgency(agencyId: string, id: string): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, { agencyId, id });
  }

  findById(id: string): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, { id });
  }

  /**
   * Locks the entry for a change and checks the version the user saw: a stale version means someone
   * else changed it meanwhile (ENTRY_VERSION_CONFLICT, 409). Without `expectedVersion` no check.
   */
  async lockForChange(agencyId: string, id: string, expectedVersion?: number): Promise<RegisterEntryEntity> {
    const row = await this.db.manager.findOne(RegisterEntryEntity, {
      where: { agencyId, id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw RegistersErrors.entryNotFound();
    if (expectedVersion !== undefined && row.version !== expectedVersion)
      throw RegistersErrors.versionConflict(row.version);
    return row;
  }

  /** Writes the changed fields, bumps the version and refreshes the search text. */
  async save(
    row: RegisterEntryEntity,
    changes: Partial<RegisterEntryEntity>,
    at: Date,
  ): Promise<RegisterEntryEntity> {
    const next: RegisterEntryEntity = { ...row, ...changes, updatedAt: at, version: row.version + 1 };
    next.searchText = buildSearchText(next);
    const { id, ...rest } = next;
    await this.db.manager.update(RegisterEntryEntity, { id }, rest);
    return next;
  }

  /** Possible duplicates of an incoming document: same identifier, or same number-notation and issuer. */
  async findDuplicates(
    agencyId: string,
    key: {
      documentIdentifier: string | null;
      codeNumber: string | null;
      codeNotation: string | null;
      organId: string | null;
      organName: string | null;
    },
    excludeId?: string,
  ): Promise<RegisterEntryEntity[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM register_entry
        WHERE agency_id = $1 AND direction = 'incoming' AND status NOT IN ('returned', 'recalled')
          AND id IS DISTINCT FROM $7
          AND (($2::varchar IS NOT NULL AND document_identifier = $2)
            OR ($3::varchar IS NOT NULL AND code_number = $3 AND code_notation = $4
                AND (organ_id = $5 OR ($5::varchar IS NULL AND lower(organ_name) = lower($6)))))
        ORDER BY created_at LIMIT 5`,
      [
        agencyId,
        key.documentIdentifier,
        key.codeNumber,
        key.codeNotation,
        key.organId,
        key.organName,
        excludeId ?? null,
      ],
    );
    if (rows.length === 0) return [];
    return this.db.manager.find(RegisterEntryEntity, { where: rows.map((r) => ({ id: r.id })) });
  }
}
