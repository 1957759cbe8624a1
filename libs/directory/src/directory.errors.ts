import { registerConstraintErrors } from '@vanthu/persistence';
import { AppException } from '@vanthu/shared';

/** One problem of an import file, reported all together so the user can fix the file in one pass. */
export interface ImportProblem {
  /** JSON: 1-based position in the array. CSV: the spreadsheet row (the header is row 1). */
  row: number | null;
  code?: string;
  field?: string;
  problem: string;
  message: string;
}

/** Problems beyond this many are counted but not listed, to keep the error response small. */
const MAX_LISTED_PROBLEMS = 500;

export const DirectoryErrors = {
  codeTaken: (code: string) =>
    new AppException('AGENCY_CODE_TAKEN', `Mã định danh ${code} đã được dùng cho một cơ quan khác.`, 409, {
      code,
    }),
  notFound: (code: string) =>
    new AppException('AGENCY_NOT_FOUND', `Không tìm thấy cơ quan có mã định danh ${code}.`, 404, { code }),
  parentNotFound: (parentCode: string) =>
    new AppException('AGENCY_PARENT_NOT_FOUND', `Không tìm thấy cơ quan cấp trên có mã ${parentCode}.`, 422, {
      parentCode,
    }),
  cycle: (code: string, parentCode: string) =>
    new AppException(
      'AGENCY_CYCLE',
      `Không thể đặt ${parentCode} làm cơ quan cấp trên của ${code}: cây cơ quan sẽ bị lặp vòng.`,
      422,
      { code, parentCode },
    ),
  successorNotFound: (successorCode: string) =>
    new AppException(
      'AGENCY_SUCCESSOR_NOT_FOUND',
      `Không tìm thấy cơ quan kế thừa có mã ${successorCode}.`,
      422,
      {
        successorCode,
      },
    ),
  successorCycle: (chain: readonly string[]) =>
    new AppException(
      'AGENCY_SUCCESSOR_CYCLE',
      'Chuỗi cơ quan kế thừa bị lặp vòng, không xác định được cơ quan hiện hành.',
      422,
      { chain },
    ),
  versionConflict: (code: string, expected: number, actual: number) =>
    new AppException(
      'AGENCY_VERSION_CONFLICT',
      `Thông tin cơ quan ${code} vừa được người khác thay đổi, vui lòng tải lại rồi thử lại.`,
      409,
      { code, expectedVersion: expected, currentVersion: actual },
    ),
  invalid: (issues: readonly { path: string; message: string }[]) =>
    new AppException('AGENCY_INVALID', 'Thông tin cơ quan không hợp lệ.', 400, { issues }),
  importInvalid: (problems: readonly ImportProblem[]) =>
    new AppException(
      'DIRECTORY_IMPORT_INVALID',
      `Tệp danh bạ có ${problems.length} lỗi, chưa có dữ liệu nào được ghi. Vui lòng sửa các dòng được nêu rồi nhập lại.`,
      422,
      { total: problems.length, problems: problems.slice(0, MAX_LISTED_PROBLEMS) },
    ),
  cursorInvalid: () =>
    new AppException(
      'DIRECTORY_CURSOR_INVALID',
      'Con trỏ phân trang không hợp lệ, vui lòng tìm kiếm lại từ đầu.',
      400,
    ),
  forbidden: () =>
    new AppException(
      'DIRECTORY_FORBIDDEN',
      'Chỉ quản trị viên của đơn vị vận hành hệ thống mới được cập nhật danh bạ cơ quan.',
      403,
    ),
};

// A race between two requests can slip past the use cases' checks; the constraints still answer
// with the same codes.
registerConstraintErrors({
  uq_agency_code: {
    code: 'AGENCY_CODE_TAKEN',
    message: 'Mã định danh đã được dùng cho một cơ quan khác.',
    status: 409,
  },
  fk_agency_parent: {
    code: 'AGENCY_PARENT_NOT_FOUND',
    message: 'Cơ quan cấp trên không tồn tại hoặc vẫn còn cơ quan trực thuộc.',
    status: 422,
  },
  ck_agency_not_own_parent: {
    code: 'AGENCY_CYCLE',
    message: 'Một cơ quan không thể là cơ quan cấp trên của chính nó.',
    status: 422,
  },
  ck_agency_code_format: {
    code: 'AGENCY_CODE_INVALID',
    message: 'Mã định danh cơ quan không đúng định dạng.',
    status: 400,
  },
  ck_agency_successor_code_format: {
    code: 'AGENCY_CODE_INVALID',
    message: 'Mã định danh cơ quan kế thừa không đúng định dạng.',
    status: 400,
  },
  ck_agency_not_own_successor: {
    code: 'AGENCY_SUCCESSOR_CYCLE',
    message: 'Một cơ quan không thể là cơ quan kế thừa của chính nó.',
    status: 422,
  },
});
