import type { Workbook as ExcelWorkbook } from 'exceljs';
import { printDate } from './print-date';
import type { RegisterPrintSpec } from './register-print.types';
import { registerTable, type RegisterCell } from './register-table';

/** Rows above the header: agency, form title, register name and year, a blank line. */
const XLSX_HEADER_ROW = 5;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function cellValue(cell: RegisterCell): string | number | Date | null {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'number':
      return cell.value;
    case 'date':
      // A value that is not a date stays visible as text rather than vanish.
      return printDate.utc(cell.value) ?? (cell.value || null);
  }
}

function cellFormat(cell: RegisterCell): string | undefined {
  if (cell.kind === 'date') return 'dd/mm/yyyy';
  if (cell.kind === 'number' && cell.twoDigits) return '00';
  return undefined;
}

/** A register as a spreadsheet: the ND30 columns, real dates and numbers, ready to print on A4. */
export async function renderRegisterXlsx(spec: RegisterPrintSpec): Promise<Buffer> {
  // exceljs is loaded on first export, not at boot: it is large and most processes never export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as { Workbook: new () => ExcelWorkbook };
  const table = registerTable(spec);
  const workbook = new Workbook();
  workbook.creator = 'vanthu';
  workbook.title = `${table.formTitle} - ${spec.registerName} - ${spec.year}`;
  const sheet = workbook.addWorksheet(spec.kind === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
      margins: { left: 0.8, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  sheet.columns = table.columns.map((c) => ({ width: c.xlsxWidth }));

  const lastColumn = table.columns.length;
  const titles: [string, number, boolean][] = [
    [spec.agencyName.toLocaleUpperCase('vi'), 12, true],
    [table.formTitle, 14, true],
    [`${spec.registerName} - Năm ${spec.year}`, 12, false],
  ];
  titles.forEach(([text, size, bold], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { name: 'Times New Roman', size, bold };
    row.getCell(1).alignment = { horizontal: 'center' };
    sheet.mergeCells(i + 1, 1, i + 1, lastColumn);
  });

  const header = sheet.getRow(XLSX_HEADER_ROW);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
  });
  sheet.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: lastColumn },
  };

  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(XLSX_HEADER_ROW + 1 + r);
    cells.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(value);
      const numFmt = cellFormat(value);
      if (numFmt) cell.numFmt = numFmt;
      cell.font = { name: 'Times New Roman', size: 11 };
      cell.alignment = { horizontal: table.columns[i]!.align, vertical: 'top', wrapText: true };
      cell.border = BORDER;
    });
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
