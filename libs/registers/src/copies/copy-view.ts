import type { CopyType } from '@vanthu/signing';
import { numberNotation } from '../types/notation';
import type { DocumentCopyEntity } from './document-copy.entity';

const COPY_TYPE_NAMES: Record<CopyType, string> = {
  'sao-y': 'Sao y',
  'sao-luc': 'Sao lục',
  'trich-sao': 'Trích sao',
};

export interface CopyView {
  id: string;
  sourceEntryId: string;
  copyType: CopyType;
  /** "Sao y", "Sao lục", "Trích sao". */
  copyTypeName: string;
  year: number;
  number: number;
  /** "01/SY-UBND". */
  numberNotation: string;
  toPlaces: string | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  createdBy: string | null;
  createdAt: string;
  /** When the copied document was recalled and the copy withdrawn with it. */
  withdrawnAt: string | null;
}

export function toCopyView(row: DocumentCopyEntity): CopyView {
  return {
    id: row.id,
    sourceEntryId: row.sourceEntryId,
    copyType: row.copyType,
    copyTypeName: COPY_TYPE_NAMES[row.copyType],
    year: row.year,
    number: row.number,
    numberNotation: numberNotation(row.codeNumber, row.codeNotation),
    toPlaces: row.toPlaces,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}
