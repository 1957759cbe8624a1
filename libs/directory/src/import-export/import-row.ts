import type { ImportProblem } from '../directory.errors';

/** One record of an import file before validation, with the row number shown to the user. */
export interface ImportRow {
  row: number;
  value: unknown;
}

/** Rows that could be read, and problems of the file or of single rows (every one is reported). */
export interface ImportParseResult {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** Generous for the national directory (about 111,000 agencies) while bounding memory. */
export const MAX_IMPORT_ROWS = 200_000;

export function tooManyRows(count: number): ImportProblem {
  return {
    row: null,
    problem: 'TOO_MANY_ROWS',
    message: `Tệp có ${count} dòng, vượt quá giới hạn ${MAX_IMPORT_ROWS} dòng mỗi lần nhập.`,
  };
}

export function emptyFile(): ImportProblem {
  return { row: null, problem: 'EMPTY_FILE', message: 'Tệp không có dòng dữ liệu nào.' };
}
