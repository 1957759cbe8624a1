/**
 * What the active-content scan looks for (issue 13 §3), each with its Vietnamese label. A signed
 * government document is text and images: anything that runs, fetches, sends, opens another file,
 * plays, or changes what is shown after it is opened has no place in it.
 *
 * Deliberately NOT flagged: /URI and /GoTo links and /Named actions (page navigation). A link needs
 * a click, viewers ask before leaving the document, and letters exported from Word or LibreOffice
 * carry e-mail and web links routinely. A link that fires by itself (in /OpenAction or /AA) is
 * flagged as such, and a `javascript:` URI counts as JavaScript.
 */
const ACTIVE_CONTENT_KINDS = {
  JAVASCRIPT: 'mã JavaScript',
  LAUNCH: 'lệnh mở tệp hoặc chạy chương trình bên ngoài (Launch)',
  IMPORT_DATA: 'lệnh nhập dữ liệu từ tệp bên ngoài vào biểu mẫu (ImportData)',
  SUBMIT_FORM: 'lệnh gửi dữ liệu biểu mẫu ra bên ngoài (SubmitForm)',
  RESET_FORM: 'lệnh đặt lại giá trị biểu mẫu, làm thay đổi nội dung hiển thị (ResetForm)',
  REMOTE_GOTO: 'liên kết mở tài liệu khác ngoài tệp này (GoToR, GoToE)',
  VISIBILITY_ACTION: 'lệnh ẩn, hiện chú thích hoặc lớp nội dung (Hide, SetOCGState)',
  MULTIMEDIA: 'nội dung đa phương tiện hoặc 3D (âm thanh, phim, RichMedia)',
  EMBEDDED_FILE: 'tệp nhúng kèm bên trong tệp PDF',
  XFA: 'biểu mẫu động XFA',
  OPEN_ACTION: 'hành động tự thực hiện khi mở tài liệu (/OpenAction)',
  ADDITIONAL_ACTIONS: 'hành động tự thực hiện gắn với tài liệu, trang, chú thích hoặc trường biểu mẫu (/AA)',
  UNCHECKED_OBJECTS: 'đối tượng không đọc được nên không kiểm tra được nội dung',
} as const satisfies Record<string, string>;

export type ActiveContentKind = keyof typeof ACTIVE_CONTENT_KINDS;

export const ACTIVE_CONTENT_KIND_CODES = Object.keys(ACTIVE_CONTENT_KINDS) as ActiveContentKind[];

export function activeContentLabel(kind: ActiveContentKind): string {
  return ACTIVE_CONTENT_KINDS[kind];
}

/** One kind of active content found, and where. */
export interface ActiveContentFinding {
  readonly kind: ActiveContentKind;
  /** Vietnamese, for people */
  readonly message: string;
  /** numbers of the objects that hold it (in an object stream too) */
  readonly objects: number[];
  /** 1-based revisions whose cross-reference first lists those objects */
  readonly revisions: number[];
  /** also found in objects no cross-reference lists, which only a reader repairing the file sees */
  readonly unlisted: boolean;
}
