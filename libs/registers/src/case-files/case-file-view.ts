import type { EntryView } from '../entries/entry-view';
import type { CaseFileEntity } from './case-file.entity';

/** A case file (hồ sơ) with the ND30 field names: FileCatalog is the year, FileNotation the code. */
export interface CaseFileView {
  id: string;
  agencyId: string;
  code: string;
  title: string;
  year: number;
  keeper: string;
  createdBy: string | null;
  createdAt: string;
  entryCount: number;
}

export interface CaseFileDetail extends CaseFileView {
  /** In date order (entry date, then number). */
  entries: EntryView[];
}

export function toCaseFileView(file: CaseFileEntity, entryCount: number): CaseFileView {
  return {
    id: file.id,
    agencyId: file.agencyId,
    code: file.code,
    title: file.title,
    year: file.year,
    keeper: file.keeper,
    createdBy: file.createdBy,
    createdAt: file.createdAt.toISOString(),
    entryCount,
  };
}
