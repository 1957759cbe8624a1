import ExcelJS from 'exceljs';
import { pdfTools } from './pdf-tools.test-helper';
import type { RegisterPrintSpec } from './register-print.types';
import { registerSamples } from './register-samples.test-helper';
import { renderRegisterXlsx } from './register-xlsx.renderer';

const AGENCY = "Ủy ban nhân dân huyện Ea H'Leo";
const HEADER_ROW = 5;

async function read(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

const headers = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map((v) => String(v));

describe('renderRegisterXlsx', () => {
  it('writes an incoming register with title rows, the ND30 header, typed cells and print setup', async () => {
    const spec: RegisterPrintSpec = {
      kind: 'incoming',
      agencyName: AGENCY,
      registerName: 'Sổ văn bản đến chung',
      year: 2025,
      rows: registerSamples.incoming(40),
    };
    const buffer = await renderRegisterXlsx(spec);
    pdfTools.save('incoming-40.xlsx', buffer);
    const sheet = await read(buffer);

    expect(sheet.name).toBe('Sổ văn bản đến');
    expect(sheet.getCell('A1').value).toBe("ỦY BAN NHÂN DÂN HUYỆN EA H'LEO");
    expect(sheet.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(sheet.getCell('A3').value).toBe('Sổ văn bản đến chung - Năm 2025');
    expect(headers(sheet)).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(sheet.getRow(HEADER_ROW).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(HEADER_ROW + 40);

    const first = sheet.getRow(HEADER_ROW + 1);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(1).value as Date).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(first.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(2).numFmt).toBe('00');
    expect(first.getCell(3).value).toBe("Ủy ban nhân dân huyện Ea H'Leo");
    expect(String(first.getCell(6).value)).toMatch(/^Quyết định về việc phê duyệt kế hoạch/);
    expect(first.getCell(6).alignment?.wrapText).toBe(true);
    // No transfer date on row 1: an empty cell, not a text "null".
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getRow(HEADER_ROW + 2).getCell(8).type).toBe(ExcelJS.ValueType.Date);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    expect(sheet.getColumn(6).width).toBe(50);
    expect(sheet.getColumn(1).width).toBe(11);
  });

  it('writes the follow-up columns with a real due date', async () => {
    const spec: RegisterPrintSpec = {
      kind: 'incoming',
      agencyName: AGENCY,
      registerName: 'Sổ theo dõi',
      year: 2025,
      followUp: true,
      rows: registerSamples.incoming(3),
    };
    const sheet = await read(await renderRegisterXlsx(spec));
    expect(headers(sheet).slice(7)).toEqual([
      'Thời hạn giải quyết',
      'Tiến độ giải quyết',
      'Số, ký hiệu VB trả lời',
      'Ghi chú',
    ]);
    const first = sheet.getRow(HEADER_ROW + 1);
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(9).value).toBe('Đang xử lý');
    expect(sheet.getRow(HEADER_ROW + 2).getCell(10).value).toBe('2/UBND-VP');
  });

  it('writes an outgoing register with number cells for copies', async () => {
    const spec: RegisterPrintSpec = {
      kind: 'outgoing',
      agencyName: AGENCY,
      registerName: 'Sổ đăng ký văn bản đi',
      year: 2025,
      rows: registerSamples.outgoing(8),
    };
    const buffer = await renderRegisterXlsx(spec);
    pdfTools.save('outgoing-8.xlsx', buffer);
    const sheet = await read(buffer);
    expect(sheet.getCell('A2').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(headers(sheet)).toEqual([
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Người ký',
      'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(sheet.rowCount).toBe(HEADER_ROW + 8);
    const second = sheet.getRow(HEADER_ROW + 2);
    expect(second.getCell(1).value).toBe('02/TB-UBND');
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(second.getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(second.getCell(7).value).toBe(31);
    expect(second.getCell(4).value).toBe('Y Khâm Niê');
    expect(sheet.getRow(HEADER_ROW + 1).getCell(7).type).toBe(ExcelJS.ValueType.Null);
  });

  it('keeps a date that cannot be read as text instead of dropping it', async () => {
    const rows = registerSamples.incoming(1);
    rows[0]!.documentDate = '30/10/2020';
    const sheet = await read(
      await renderRegisterXlsx({
        kind: 'incoming',
        agencyName: AGENCY,
        registerName: 'Sổ',
        year: 2025,
        rows,
      }),
    );
    const cell = sheet.getRow(HEADER_ROW + 1).getCell(5);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('30/10/2020');
  });

  it('writes an empty register as its title and header only', async () => {
    const sheet = await read(
      await renderRegisterXlsx({
        kind: 'outgoing',
        agencyName: AGENCY,
        registerName: 'Sổ',
        year: 2025,
        rows: [],
      }),
    );
    expect(sheet.rowCount).toBe(HEADER_ROW);
    expect(headers(sheet)).toHaveLength(10);
  });
});
