import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AGENCY_RECORD_FIELDS, type AgencyRecord } from '../agency';
import type { ImportProblem } from '../directory.errors';
import {
  emptyFile,
  type ImportParseResult,
  type ImportRow,
  MAX_IMPORT_ROWS,
  tooManyRows,
} from './import-row';

const REQUIRED_COLUMNS = ['code', 'name', 'levelLabel'] as const;
const BOOLEAN_COLUMNS = new Set<string>(['hosted', 'isDemo']);
const TRUE_WORDS = new Set(['true', '1', 'yes', 'x', 'có', 'co']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không', 'khong']);

/**
 * A cell that starts like a formula would be run by a spreadsheet (CSV injection); such cells, and
 * cells that already start with the escape, are written with a leading apostrophe, which the import
 * removes, so the round trip stays exact.
 */
const NEEDS_ESCAPE = /^[=+\-@\t\r']/;

function escapeCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

function unescapeCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** A header row with the record's keys, then one row per agency; booleans as true/false. */
export function agenciesToCsv(records: readonly AgencyRecord[]): string {
  const rows = records.map((record) =>
    AGENCY_RECORD_FIELDS.map((field) => {
      const value = record[field];
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return value === null ? '' : escapeCell(value);
    }),
  );
  return stringify([[...AGENCY_RECORD_FIELDS], ...rows], { record_delimiter: '\r\n' });
}

function cellValue(column: string, raw: string): unknown {
  const text = unescapeCell(raw.trim());
  if (!BOOLEAN_COLUMNS.has(column)) return text === '' ? null : text;
  const word = text.toLowerCase();
  if (word === '' || FALSE_WORDS.has(word)) return false;
  if (TRUE_WORDS.has(word)) return true;
  return text; // left as text so that validation reports the cell
}

function readHeader(header: readonly string[]): { columns: string[]; problems: ImportProblem[] } {
  const known = new Map(AGENCY_RECORD_FIELDS.map((f) => [f.toLowerCase(), f as string]));
  const problems: ImportProblem[] = [];
  const columns = header.map((cell) => {
    const name = known.get(cell.trim().toLowerCase());
    if (!name) {
      problems.push({
        row: 1,
        field: cell,
        problem: 'CSV_UNKNOWN_COLUMN',
        message: `Cột "${cell.slice(0, 50)}" không được hỗ trợ. Các cột hợp lệ: ${AGENCY_RECORD_FIELDS.join(', ')}.`,
      });
    }
    return name ?? cell;
  });
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      problems.push({
        row: 1,
        field: column,
        problem: 'CSV_DUPLICATE_COLUMN',
        message: `Cột "${column}" bị lặp lại.`,
      });
    }
    seen.add(column);
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!seen.has(column)) {
      problems.push({
        row: 1,
        field: column,
        problem: 'CSV_MISSING_COLUMN',
        message: `Thiếu cột bắt buộc "${column}".`,
      });
    }
  }
  return { columns, problems };
}

/** CSV with a header row (column names are the record's keys); `row` is the spreadsheet row number. */
export function parseAgencyCsv(content: string): ImportParseResult {
  let records: string[][];
  try {
    records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: [],
      problems: [
        {
          row: line ?? null,
          problem: 'CSV_INVALID',
          message: `Nội dung không phải CSV hợp lệ${line ? ` (lỗi gần dòng ${line})` : ''}.`,
        },
      ],
    };
  }
  if (records.length === 0) return { rows: [], problems: [emptyFile()] };
  const { columns, problems } = readHeader(records[0]);
  if (problems.length > 0) return { rows: [], problems };

  const rows: ImportRow[] = [];
  const rowProblems: ImportProblem[] = [];
  records.forEach((cells, index) => {
    if (index === 0 || cells.every((c) => c.trim() === '')) return;
    const row = index + 1;
    if (cells.length !== columns.length) {
      rowProblems.push({
        row,
        problem: 'CSV_COLUMN_COUNT',
        message: `Dòng có ${cells.length} cột, trong khi tiêu đề có ${columns.length} cột.`,
      });
      return;
    }
    rows.push({ row, value: Object.fromEntries(columns.map((c, i) => [c, cellValue(c, cells[i])])) });
  });
  if (rows.length === 0 && rowProblems.length === 0) return { rows: [], problems: [emptyFile()] };
  if (rows.length > MAX_IMPORT_ROWS) return { rows: [], problems: [tooManyRows(rows.length)] };
  return { rows, problems: rowProblems };
}
