import { Injectable } from '@nestjs/common';
import { Database, insertRows } from '@vanthu/persistence';
import { RegistersErrors } from '../registers.errors';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { RegisterEntryEntity } from './register-entry.entity';
import { buildSearchText } from './search-text';

export type NewEntry = Omit<
  RegisterEntryEntity,
  'version' | 'searchText' | 'createdAt' | 'updatedAt' | 'replacedBy'
> & {
  createdAt: Date;
  replacedBy?: string | null;
};

/** What makes two incoming documents look the same (ND30's duplicate warning). */
export type DuplicateKey = Pick<
  RegisterEntryEntity,
  'documentIdentifier' | 'codeNumber' | 'codeNotation' | 'organId' | 'organName'
>;

@Injectable()
export class RegisterEntryRepository {
  constructor(
    private readonly db: Database,
    private readonly types: DocumentTypeRepository,
  ) {}

  async insert(row: NewEntry): Promise<RegisterEntryEntity> {
    return (await this.insertMany([row]))[0];
  }

  /** Several entries in one statement. */
  async insertMany(rows: readonly NewEntry[]): Promise<RegisterEntryEntity[]> {
    const typeNames = await this.types.names();
    const full = rows.map((row): RegisterEntryEntity => ({
      ...row,
      replacedBy: row.replacedBy ?? null,
      updatedAt: row.createdAt,
      version: 1,
      searchText: buildSearchText(row, typeNames.get(row.documentTypeCode) ?? null),
    }));
    await insertRows(this.db.manager, RegisterEntryEntity, full);
    return full;
  }

  /** An entry of the agency; another agency's reads as absent. */
  findInAgency(agencyId: string, id: string): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, { agencyId, id });
  }

  /**
   * The entry, read under a share lock until the transaction ends: a change of it (a recall, a
   * return) waits for the caller, which only reads it (a copy being made). ENTRY_NOT_FOUND when the
   * agency has no such entry.
   */
  lockShared(agencyId: string, id: string): Promise<RegisterEntryEntity> {
    return this.locked(agencyId, id, 'pessimistic_read');
  }

  findById(id: string): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, { id });
  }

  /**
   * Locks the entry for a change and checks the version the user saw: a stale version means someone
   * else changed it meanwhile (ENTRY_VERSION_CONFLICT, 409). Without `expectedVersion` no check.
   */
  async lockForChange(agencyId: string, id: string, expectedVersion?: number): Promise<RegisterEntryEntity> {
    const row = await this.locked(agencyId, id, 'pessimistic_write');
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
    next.searchText = buildSearchText(next, (await this.types.names()).get(next.documentTypeCode) ?? null);
    const { id, ...rest } = next;
    await this.db.manager.update(RegisterEntryEntity, { id }, rest);
    return next;
  }

  /**
   * For each key, the agency's earliest incoming entry (not returned or recalled, and not
   * `excludeId`: the entry being registered from the inbox is not its own duplicate) that the
   * document it describes would duplicate: the same document identifier, or the same number-notation
   * from the same issuer. Null when there is none. One statement for a whole batch of registrations.
   * The two ways to match are two branches so that each reads its own index (identifier; number and
   * notation): one condition joined by OR made PostgreSQL read every entry of the agency.
   */
  async findFirstDuplicates(
    keys: readonly (DuplicateKey & { agencyId: string; excludeId?: string })[],
  ): Promise<(RegisterEntryEntity | null)[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.db.prepared<{ ord: string; id: string }>(
      `SELECT k.ord, d.id
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::uuid[])
              WITH ORDINALITY AS k(agency_id, identifier, code_number, code_notation, organ_id, organ_name, exclude_id, ord)
        CROSS JOIN LATERAL (
          SELECT u.id FROM (
            (SELECT id, created_at FROM register_entry
              WHERE agency_id = k.agency_id AND document_identifier = k.identifier
                AND direction = 'incoming' AND status NOT IN ('returned', 'recalled')
                AND id IS DISTINCT FROM k.exclude_id
              ORDER BY created_at LIMIT 1)
            UNION ALL
            (SELECT id, created_at FROM register_entry
              WHERE agency_id = k.agency_id AND code_number = k.code_number AND code_notation = k.code_notation
                AND (organ_id = k.organ_id OR (k.organ_id IS NULL AND lower(organ_name) = lower(k.organ_name)))
                AND direction = 'incoming' AND status NOT IN ('returned', 'recalled')
                AND id IS DISTINCT FROM k.exclude_id
              ORDER BY created_at LIMIT 1)) u
          ORDER BY u.created_at LIMIT 1) d`,
      [
        keys.map((k) => k.agencyId),
        keys.map((k) => k.documentIdentifier),
        keys.map((k) => k.codeNumber),
        keys.map((k) => k.codeNotation),
        keys.map((k) => k.organId),
        keys.map((k) => k.organName),
        keys.map((k) => k.excludeId ?? null),
      ],
    );
    const found = rows.length
      ? await this.db.manager.find(RegisterEntryEntity, { where: rows.map((r) => ({ id: r.id })) })
      : [];
    const byId = new Map(found.map((e) => [e.id, e]));
    const byOrd = new Map(rows.map((r) => [Number(r.ord), byId.get(r.id) ?? null]));
    return keys.map((_, i) => byOrd.get(i + 1) ?? null);
  }

  private async locked(
    agencyId: string,
    id: string,
    mode: 'pessimistic_read' | 'pessimistic_write',
  ): Promise<RegisterEntryEntity> {
    const row = await this.db.manager.findOne(RegisterEntryEntity, {
      where: { agencyId, id },
      lock: { mode },
    });
    if (!row) throw RegistersErrors.entryNotFound();
    return row;
  }
}
