import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegisterEntryEntity } from '../entries/register-entry.entity';
import { CaseFileEntryEntity } from './case-file-entry.entity';
import { CaseFileEntity } from './case-file.entity';

export interface CaseFileListRow {
  file: CaseFileEntity;
  entryCount: number;
}

interface ListRow {
  id: string;
  agency_id: string;
  code: string;
  title: string;
  year: number;
  keeper: string;
  created_by: string | null;
  created_at: Date;
  version: number;
  entry_count: number;
}

@Injectable()
export class CaseFileRepository {
  constructor(private readonly db: Database) {}

  async insert(row: Omit<CaseFileEntity, 'version'>): Promise<CaseFileEntity> {
    const full: CaseFileEntity = { ...row, version: 1 };
    await this.db.manager.insert(CaseFileEntity, full);
    return full;
  }

  /** A file of the agency; another agency's reads as absent. */
  findInAgency(agencyId: string, id: string): Promise<CaseFileEntity | null> {
    return this.db.manager.findOneBy(CaseFileEntity, { agencyId, id });
  }

  async listByAgency(agencyId: string, year: number | null): Promise<CaseFileListRow[]> {
    const rows: ListRow[] = await this.db.manager.query(
      `SELECT f.id, f.agency_id, f.code, f.title, f.year, f.keeper, f.created_by, f.created_at, f.version,
              (SELECT count(*)::int FROM case_file_entry ce WHERE ce.case_file_id = f.id) AS entry_count
         FROM case_file f
        WHERE f.agency_id = $1 AND ($2::smallint IS NULL OR f.year = $2)
        ORDER BY f.year DESC, f.code`,
      [agencyId, year],
    );
    return rows.map((r) => ({
      file: {
        id: r.id,
        agencyId: r.agency_id,
        code: r.code,
        title: r.title,
        year: r.year,
        keeper: r.keeper,
        createdBy: r.created_by,
        createdAt: r.created_at,
        version: r.version,
      },
      entryCount: r.entry_count,
    }));
  }

  /** The file's documents in the order of the registers: entry date, then number. */
  listEntries(caseFileId: string): Promise<RegisterEntryEntity[]> {
    return this.db.manager
      .createQueryBuilder(RegisterEntryEntity, 'e')
      .innerJoin(CaseFileEntryEntity, 'm', 'm.entry_id = e.id')
      .where('m.case_file_id = :caseFileId', { caseFileId })
      .orderBy('e.entry_date', 'ASC')
      .addOrderBy('e.number', 'ASC', 'NULLS LAST')
      .addOrderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** Links an entry (never a copy of it); false when it was already in the file. */
  async addEntry(caseFileId: string, entryId: string, at: Date): Promise<boolean> {
    const rows: { entry_id: string }[] = await this.db.manager.query(
      `INSERT INTO case_file_entry (case_file_id, entry_id, added_at) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT pk_case_file_entry DO NOTHING
       RETURNING entry_id`,
      [caseFileId, entryId, at],
    );
    return rows.length === 1;
  }

  /** False when the entry was not in the file. */
  async removeEntry(caseFileId: string, entryId: string): Promise<boolean> {
    const result = await this.db.manager.delete(CaseFileEntryEntity, { caseFileId, entryId });
    return (result.affected ?? 0) > 0;
  }
}
