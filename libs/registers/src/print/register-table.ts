import type { IncomingRegisterRow, OutgoingRegisterRow, RegisterPrintSpec } from './register-print.types';

/** A register cell with its type, so the spreadsheet gets real dates and numbers. */
export type RegisterCell =
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string | null }
  /** `twoDigits`: số đến is written 01…09 (ND30). */
  | { kind: 'number'; value: number | null; twoDigits?: boolean };

export interface RegisterColumn {
  header: string;
  /** Relative width on the printed page. */
  width: number;
  /** Spreadsheet width, in characters. */
  xlsxWidth: number;
  align: 'left' | 'center';
}

export interface RegisterTable {
  /** The ND30 name of the form, in capitals. */
  formTitle: string;
  columns: RegisterColumn[];
  rows: RegisterCell[][];
}

interface ColumnDef<Row> extends RegisterColumn {
  cell(row: Row): RegisterCell;
}

const text = (value: string | null | undefined): RegisterCell => ({ kind: 'text', value: value ?? '' });
const date = (value: string | null | undefined): RegisterCell => ({ kind: 'date', value: value ?? null });
const DATE_WIDTH = 62;

const INCOMING_START: ColumnDef<IncomingRegisterRow>[] = [
  { header: 'Ngày đến', width: DATE_WIDTH, xlsxWidth: 11, align: 'center', cell: (r) => date(r.arrivalDate) },
  {
    header: 'Số đến',
    width: 38,
    xlsxWidth: 7,
    align: 'center',
    cell: (r) => ({ kind: 'number', value: r.arrivalNumber, twoDigits: true }),
  },
  { header: 'Tác giả', width: 92, xlsxWidth: 24, align: 'left', cell: (r) => text(r.sender) },
  { header: 'Số, ký hiệu', width: 76, xlsxWidth: 16, align: 'center', cell: (r) => text(r.numberNotation) },
  {
    header: 'Ngày tháng',
    width: DATE_WIDTH,
    xlsxWidth: 11,
    align: 'center',
    cell: (r) => date(r.documentDate),
  },
  {
    header: 'Tên loại và trích yếu nội dung',
    width: 170,
    xlsxWidth: 50,
    align: 'left',
    cell: (r) => text(r.typeAndSubject),
  },
  {
    header: 'Đơn vị hoặc người nhận',
    width: 84,
    xlsxWidth: 22,
    align: 'left',
    cell: (r) => text(r.recipients),
  },
];

const INCOMING: ColumnDef<IncomingRegisterRow>[] = [
  ...INCOMING_START,
  {
    header: 'Ngày chuyển',
    width: DATE_WIDTH,
    xlsxWidth: 11,
    align: 'center',
    cell: (r) => date(r.transferDate),
  },
  { header: 'Ký nhận', width: 62, xlsxWidth: 18, align: 'left', cell: (r) => text(r.receivedBy) },
  { header: 'Ghi chú', width: 62, xlsxWidth: 20, align: 'left', cell: (r) => text(r.note) },
];

/**
 * The follow-up register (sổ theo dõi giải quyết) prints the handling columns where the plain
 * register has ngày chuyển and ký nhận: thirteen columns would not fit a page at a readable size.
 */
const INCOMING_FOLLOW_UP: ColumnDef<IncomingRegisterRow>[] = [
  ...INCOMING_START,
  {
    header: 'Thời hạn giải quyết',
    width: DATE_WIDTH,
    xlsxWidth: 11,
    align: 'center',
    cell: (r) => date(r.dueDate),
  },
  { header: 'Tiến độ giải quyết', width: 72, xlsxWidth: 22, align: 'left', cell: (r) => text(r.progress) },
  {
    header: 'Số, ký hiệu VB trả lời',
    width: 72,
    xlsxWidth: 16,
    align: 'center',
    cell: (r) => text(r.replyNotation),
  },
  { header: 'Ghi chú', width: 56, xlsxWidth: 20, align: 'left', cell: (r) => text(r.note) },
];

const OUTGOING: ColumnDef<OutgoingRegisterRow>[] = [
  {
    header: 'Số, ký hiệu văn bản',
    width: 78,
    xlsxWidth: 16,
    align: 'center',
    cell: (r) => text(r.numberNotation),
  },
  {
    header: 'Ngày tháng văn bản',
    width: DATE_WIDTH,
    xlsxWidth: 11,
    align: 'center',
    cell: (r) => date(r.documentDate),
  },
  {
    header: 'Tên loại và trích yếu nội dung văn bản',
    width: 170,
    xlsxWidth: 50,
    align: 'left',
    cell: (r) => text(r.typeAndSubject),
  },
  { header: 'Người ký', width: 76, xlsxWidth: 20, align: 'left', cell: (r) => text(r.signer) },
  { header: 'Nơi nhận văn bản', width: 100, xlsxWidth: 30, align: 'left', cell: (r) => text(r.recipients) },
  {
    header: 'Đơn vị, người nhận bản lưu',
    width: 80,
    xlsxWidth: 20,
    align: 'left',
    cell: (r) => text(r.keptBy),
  },
  {
    header: 'Số lượng bản',
    width: 42,
    xlsxWidth: 8,
    align: 'center',
    cell: (r) => ({ kind: 'number', value: r.copies }),
  },
  {
    header: 'Ngày chuyển',
    width: DATE_WIDTH,
    xlsxWidth: 11,
    align: 'center',
    cell: (r) => date(r.transferDate),
  },
  { header: 'Ký nhận', width: 60, xlsxWidth: 18, align: 'left', cell: (r) => text(r.receivedBy) },
  { header: 'Ghi chú', width: 56, xlsxWidth: 20, align: 'left', cell: (r) => text(r.note) },
];

function build<Row>(formTitle: string, defs: ColumnDef<Row>[], rows: Row[]): RegisterTable {
  return {
    formTitle,
    columns: defs.map(({ header, width, xlsxWidth, align }) => ({ header, width, xlsxWidth, align })),
    rows: rows.map((row) => defs.map((def) => def.cell(row))),
  };
}

/** The ND30 (Phụ lục IV) columns of a register, in order, shared by the PDF and the spreadsheet. */
export function registerTable(spec: RegisterPrintSpec): RegisterTable {
  if (spec.kind === 'outgoing') return build('SỔ ĐĂNG KÝ VĂN BẢN ĐI', OUTGOING, spec.rows);
  return spec.followUp
    ? build('SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN', INCOMING_FOLLOW_UP, spec.rows)
    : build('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', INCOMING, spec.rows);
}
