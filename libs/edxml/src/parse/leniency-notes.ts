/**
 * What the lenient parser accepted although the standard says otherwise: shown by `vanthu edxml
 * inspect`, kept with a received package, never a reason to refuse it.
 */
const NOTES = {
  BYTE_ORDER_MARK: 'Tệp bắt đầu bằng dấu BOM của UTF-8.',
  CRLF_LINE_ENDINGS: 'Tệp dùng ký tự xuống dòng CRLF.',
  UNPREFIXED_ELEMENTS:
    'Có phần tử edXML không mang tiền tố "edXML:" (các trục quốc gia từ chối gói tin như vậy).',
  ELEMENTS_WITHOUT_NAMESPACE: 'Có phần tử không thuộc không gian tên edXML; đã đọc theo tên phần tử.',
  UNDECLARED_PREFIX: 'Có tiền tố không gian tên dùng mà không khai báo; đã hiểu theo nghĩa thông dụng.',
  DUPLICATE_ELEMENT: 'Phần tử xuất hiện nhiều lần; chỉ đọc lần đầu.',
  MISSING_ELEMENT: 'Thiếu phần tử bắt buộc theo chuẩn.',
  DATE_NONSTANDARD: 'Ngày tháng không theo định dạng yyyy/MM/dd của chuẩn; đã đọc được.',
  DATE_INVALID: 'Ngày tháng không đọc được hoặc không có thật; bỏ qua giá trị.',
  TIMESTAMP_NONSTANDARD: 'Thời điểm không theo định dạng yyyy/MM/dd HH:mm:ss của chuẩn; đã đọc được.',
  TIMESTAMP_INVALID: 'Thời điểm không đọc được; bỏ qua giá trị.',
  DOCUMENT_ID_NONSTANDARD:
    'Mã định danh văn bản (DocumentId) không có dạng <mã cơ quan>,<yyyy/MM/dd>,<số>/<ký hiệu>.',
  DOCUMENT_ID_MISSING:
    'Thiếu mã định danh văn bản (DocumentId); đã lập từ mã cơ quan gửi, ngày và số, ký hiệu.',
  AGENCY_CODE_NONSTANDARD: 'Mã định danh cơ quan không đúng định dạng CCC.BB.AA.XNN; giữ nguyên giá trị.',
  NUMBER_INVALID: 'Giá trị số không đọc được; bỏ qua giá trị.',
  PRIORITY_INVALID: 'Độ khẩn không phải 0–4; coi là thường (0).',
  BUSSINESS_DOC_TYPE_INVALID: 'Loại nghiệp vụ (BussinessDocType) không phải 0–3; coi là văn bản mới (0).',
  STATUS_CODE_NONSTANDARD: 'Mã trạng thái viết không đủ hai chữ số; đã chuẩn hóa.',
  ATTACHMENT_ZIP_WRAPPED: 'Tệp đính kèm được nén ZIP dù loại nội dung khai báo khác; đã giải nén.',
  ATTACHMENT_ZIP_KEPT: 'Tệp ZIP đính kèm chứa nhiều tệp; giữ nguyên tệp ZIP.',
  ATTACHMENT_TYPE_MISMATCH: 'Loại nội dung khai báo không khớp với nội dung thực của tệp đính kèm.',
  ATTACHMENT_NOT_IN_MANIFEST: 'Tệp đính kèm không có trong danh mục (edXMLManifest).',
  MANIFEST_WITHOUT_ATTACHMENT: 'Danh mục (edXMLManifest) nêu tệp đính kèm không có trong gói tin.',
  ATTACHMENT_BASE64_UNPADDED: 'Dữ liệu base64 của tệp đính kèm thiếu ký tự đệm "="; đã đọc được.',
  NESTED_PACKAGE: 'Tệp đính kèm là một gói tin edXML khác; đã đọc gói tin bên trong.',
  NESTED_PACKAGE_UNREADABLE: 'Tệp đính kèm có dạng gói tin edXML nhưng không đọc được.',
} as const;

export type LeniencyCode = keyof typeof NOTES;

export const LENIENCY_CODES = Object.keys(NOTES) as LeniencyCode[];

export interface LeniencyNote {
  readonly code: LeniencyCode;
  /** where: an element path such as `MessageHeader/PromulgationInfo/PromulgationDate` */
  readonly path: string;
  /** the value as written, when it helps (truncated) */
  readonly raw?: string;
  /** Vietnamese, for people */
  readonly message: string;
}

export function leniencyNote(code: LeniencyCode, path: string, raw?: string): LeniencyNote {
  const message = NOTES[code];
  return raw === undefined ? { code, path, message } : { code, path, raw: raw.slice(0, 200), message };
}
