import type { AgencyRecord } from '../agency';
import { emptyFile, type ImportParseResult, MAX_IMPORT_ROWS, tooManyRows } from './import-row';

/** A JSON array of agency records; `row` is the 1-based position in the array. */
export function parseAgencyJson(content: string): ImportParseResult {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message.slice(0, 200)})` : '';
    return {
      rows: [],
      problems: [
        { row: null, problem: 'JSON_INVALID', message: `Nội dung không phải JSON hợp lệ${detail}.` },
      ],
    };
  }
  if (!Array.isArray(data)) {
    return {
      rows: [],
      problems: [{ row: null, problem: 'JSON_NOT_ARRAY', message: 'Tệp JSON phải là một mảng các cơ quan.' }],
    };
  }
  if (data.length === 0) return { rows: [], problems: [emptyFile()] };
  if (data.length > MAX_IMPORT_ROWS) return { rows: [], problems: [tooManyRows(data.length)] };
  return { problems: [], rows: data.map((value: unknown, i) => ({ row: i + 1, value })) };
}

export function agenciesToJson(records: readonly AgencyRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
