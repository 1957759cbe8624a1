/**
 * What an incremental update did, object by object. `minPermission` is the lowest DocMDP /P value
 * (1 no changes … 3 annotations) under which the change is allowed; 0 means it is never allowed.
 * Without a certifying signature the document is judged as P=2: later signatures, form filling,
 * DSS and document timestamps, metadata.
 */
const CHANGE_KINDS = {
  DSS_UPDATED: [1, 'Bổ sung dữ liệu kiểm tra dài hạn (DSS/VRI: chứng thư, CRL, OCSP).'],
  DOC_TIMESTAMP_ADDED: [1, 'Thêm dấu thời gian cho tài liệu.'],
  EXTENSIONS_UPDATED: [1, 'Cập nhật khai báo phiên bản hoặc phần mở rộng của tài liệu.'],
  FORM_FLAGS_UPDATED: [1, 'Cập nhật cờ chữ ký của biểu mẫu (SigFlags).'],
  UNREFERENCED_OBJECT: [1, 'Đối tượng không được tài liệu sử dụng (không ảnh hưởng nội dung hiển thị).'],
  SIGNATURE_ADDED: [2, 'Thêm chữ ký số (trường chữ ký, giá trị và hình hiển thị của chữ ký).'],
  SIGNATURE_FIELD_ADDED: [2, 'Thêm trường chữ ký trống, không hiển thị trên trang (chưa có chữ ký).'],
  FORM_FILLED: [2, 'Điền giá trị vào trường biểu mẫu.'],
  FORM_RESOURCES_UPDATED: [2, 'Cập nhật tài nguyên của biểu mẫu (phông chữ dùng cho hình hiển thị).'],
  METADATA_UPDATED: [2, 'Cập nhật thông tin mô tả tài liệu (metadata).'],
  STRUCTURE_UPDATED: [2, 'Cập nhật cấu trúc gắn thẻ hoặc phần mở rộng của tài liệu.'],
  ANNOTATION_ADDED: [3, 'Thêm chú thích (annotation) lên trang.'],
  ANNOTATION_MODIFIED: [3, 'Sửa chú thích (annotation) trên trang.'],
  ANNOTATION_REMOVED: [3, 'Xóa chú thích (annotation) trên trang.'],
  ANNOTATIONS_REORDERED: [
    3,
    'Đổi thứ tự các chú thích trên trang (chú thích nằm trên có thể che chú thích hoặc chữ ký nằm dưới).',
  ],
  PAGE_ADDED: [0, 'Thêm trang mới vào tài liệu.'],
  PAGE_REMOVED: [0, 'Xóa trang khỏi tài liệu.'],
  PAGE_CONTENT_CHANGED: [0, 'Thay đổi nội dung hiển thị của trang.'],
  PAGE_RESOURCES_CHANGED: [0, 'Thay đổi tài nguyên của trang (phông chữ, hình ảnh, đối tượng vẽ).'],
  PAGE_MODIFIED: [0, 'Thay đổi thuộc tính của trang (kích thước, xoay, …).'],
  FORM_FIELD_ADDED: [0, 'Thêm trường biểu mẫu không phải trường chữ ký.'],
  FORM_FIELD_MODIFIED: [0, 'Sửa thuộc tính của trường biểu mẫu (không chỉ điền giá trị).'],
  LOCKED_FIELD_MODIFIED: [0, 'Sửa trường biểu mẫu đã bị chữ ký khóa lại (FieldMDP).'],
  FIELD_REMOVED: [0, 'Xóa trường biểu mẫu hoặc trường chữ ký.'],
  SIGNATURE_MODIFIED: [0, 'Sửa hoặc thay thế một chữ ký đã có (giá trị, trường hoặc hình hiển thị).'],
  UNSIGNED_SIGNATURE_APPEARANCE: [
    0,
    'Thêm hoặc sửa hình hiển thị của một trường chữ ký mà không có chữ ký của chính trường đó ký sau thay đổi (trường chữ ký chưa ký, hoặc đã ký từ trước): hình này có thể che hoặc giả mạo nội dung trang.',
  ],
  ACTION_CHANGED: [
    0,
    'Thêm hoặc sửa hành động tự động (JavaScript, mở liên kết, mở tệp, …) của tài liệu, trang, trường biểu mẫu hoặc chú thích.',
  ],
  NEED_APPEARANCES_SET: [
    0,
    'Yêu cầu trình xem tự vẽ lại hình hiển thị của các trường biểu mẫu (NeedAppearances): nội dung hiển thị có thể khác nội dung đã ký.',
  ],
  PERMISSIONS_MODIFIED: [0, 'Sửa quyền hạn của tài liệu (/Perms).'],
  CATALOG_MODIFIED: [0, 'Sửa từ điển gốc của tài liệu (hành động mở, mục lục, tệp đính kèm, …).'],
  OBJECT_MODIFIED: [0, 'Sửa một đối tượng khác của tài liệu.'],
  OBJECT_UNREADABLE: [0, 'Bản cập nhật chứa đối tượng không đọc được.'],
  XREF_ONLY_UPDATE: [0, 'Bản cập nhật có dữ liệu nằm ngoài bảng tham chiếu chéo của chính nó.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ChangeKind = keyof typeof CHANGE_KINDS;

export const CHANGE_KIND_CODES = Object.keys(CHANGE_KINDS) as ChangeKind[];

export function changeMinPermission(kind: ChangeKind): number {
  return CHANGE_KINDS[kind][0];
}

export function changeMessage(kind: ChangeKind): string {
  return CHANGE_KINDS[kind][1];
}
