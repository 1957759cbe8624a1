import { formatDocumentNumber } from '../types/notation';
import { printDate } from './print-date';
import type { RegisterPrintSpec } from './register-print.types';
import { registerTable, type RegisterCell } from './register-table';
import { renderTableDocument } from './table-document.renderer';
import type { TextLine } from './table-document.types';

function cellText(cell: RegisterCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'date':
      return printDate.text(cell.value);
    case 'number':
      if (cell.value === null) return '';
      return cell.twoDigits ? formatDocumentNumber(cell.value) : String(cell.value);
  }
}

/** The cover's "Từ ngày … đến ngày …" and "Từ số … đến số …" (ND30 Phụ lục IV), from the rows. */
function coverRanges(spec: RegisterPrintSpec): string[] {
  const dates = (
    spec.kind === 'incoming' ? spec.rows.map((r) => r.arrivalDate) : spec.rows.map((r) => r.documentDate)
  )
    .filter((d) => printDate.utc(d) !== null)
    .sort();
  if (dates.length === 0) return [];
  const lines = [`Từ ngày ${printDate.text(dates[0])} đến ngày ${printDate.text(dates[dates.length - 1])}`];
  if (spec.kind === 'incoming') {
    const numbers = spec.rows.map((r) => r.arrivalNumber);
    const [low, high] = [Math.min(...numbers), Math.max(...numbers)].map(formatDocumentNumber);
    lines.push(`Từ số ${low} đến số ${high}`);
  }
  return lines;
}

/** Prints a register in full, as the ND30 form: a cover, then the table, A4 landscape. */
export async function renderRegisterPdf(spec: RegisterPrintSpec): Promise<Buffer> {
  const table = registerTable(spec);
  const showName = spec.registerName.trim().toLocaleUpperCase('vi') !== table.formTitle;
  const cover: TextLine[] = [
    { text: spec.agencyName.toLocaleUpperCase('vi'), size: 14, bold: true },
    { text: table.formTitle, size: 26, bold: true, spaceBefore: 70 },
    ...(showName ? [{ text: spec.registerName, size: 16, spaceBefore: 10 }] : []),
    { text: `Năm: ${spec.year}`, size: 16, bold: true, spaceBefore: 14 },
    ...coverRanges(spec).map((text, i) => ({ text, size: 14, spaceBefore: i === 0 ? 40 : 6 })),
    { text: `Tổng số: ${spec.rows.length} văn bản`, size: 14, spaceBefore: 6 },
  ];
  return renderTableDocument({
    title: `${table.formTitle} - ${spec.registerName} - ${spec.year}`,
    orientation: 'landscape',
    cover,
    runningHead: `${spec.agencyName} · ${spec.registerName} · Năm ${spec.year}`,
    columns: table.columns.map(({ header, width, align }) => ({ header, width, align })),
    numberedColumns: true,
    rows: table.rows.map((row) => row.map(cellText)),
    emptyText: 'Sổ chưa có văn bản nào.',
    fontSize: 10,
  });
}
