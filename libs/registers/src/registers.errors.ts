import { registerConstraintErrors } from '@vanthu/persistence';
import { AppException } from '@vanthu/shared';

const STATUS_LABELS: Record<string, string> = {
  draft: 'dự thảo',
  reviewing: 'chờ trưởng đơn vị xem xét',
  approving: 'chờ người ký duyệt',
  approved: 'đã duyệt, chờ ký',
  signed: 'đã ký, chờ phát hành',
  issued: 'đã phát hành',
  recalled: 'đã thu hồi',
  replaced: 'đã bị thay thế',
  received: 'chờ vào sổ',
  registered: 'đã vào sổ, chờ phân công',
  assigned: 'đã phân công',
  in_progress: 'đang xử lý',
  closed: 'đã kết thúc',
  returned: 'đã trả lại',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** Errors of registers and the document workflow. */
export const RegistersErrors = {
  entryNotFound: () => new AppException('ENTRY_NOT_FOUND', 'Không tìm thấy văn bản.', 404),
  versionConflict: (current: number) =>
    new AppException(
      'ENTRY_VERSION_CONFLICT',
      'Văn bản vừa được người khác cập nhật. Vui lòng tải lại và thực hiện lại thao tác.',
      409,
      { currentVersion: current },
    ),
  statusInvalid: (status: string, action: string) =>
    new AppException(
      'ENTRY_STATUS_INVALID',
      `Văn bản đang ở trạng thái "${statusLabel(status)}", không thể ${action}.`,
      409,
      { status },
    ),
  forbidden: (why: string) => new AppException('FORBIDDEN', why, 403),
  documentTypeUnknown: (code: string) =>
    new AppException('DOCUMENT_TYPE_UNKNOWN', `Loại văn bản "${code}" không có trong danh mục.`, 400, {
      code,
    }),
  registerNotFound: () => new AppException('REGISTER_NOT_FOUND', 'Không tìm thấy sổ đăng ký văn bản.', 404),
  unitNotFound: () => new AppException('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.', 400),
  userNotFound: () => new AppException('USER_NOT_FOUND', 'Không tìm thấy người dùng.', 400),
  recipientUnknown: (organId: string) =>
    new AppException(
      'RECIPIENT_UNKNOWN',
      `Không tìm thấy cơ quan nhận có mã định danh "${organId}" trong danh bạ.`,
      400,
      { organId },
    ),
  recipientsRequired: () =>
    new AppException('RECIPIENTS_REQUIRED', 'Văn bản đi phải có ít nhất một nơi nhận.', 400),
  fileRequired: () =>
    new AppException('FILE_REQUIRED', 'Vui lòng chọn tệp PDF của văn bản (trường "file").', 400),
  notSigner: () =>
    new AppException('NOT_SIGNER', 'Chỉ người ký được chỉ định mới được duyệt và ký văn bản này.', 403),
  signerNotLeader: () => new AppException('SIGNER_NOT_LEADER', 'Người ký phải là lãnh đạo của cơ quan.', 400),
  duplicate: (existing: { id: string; numberNotation: string | null; arrivalNumber: number | null }) =>
    new AppException(
      'ENTRY_DUPLICATE',
      'Văn bản này có thể đã được vào sổ (trùng mã văn bản hoặc trùng số, ký hiệu và cơ quan ban hành). Kiểm tra lại, nếu đúng là văn bản khác thì xác nhận để vào sổ.',
      409,
      existing,
    ),
  verificationFailed: (verdict: string) =>
    new AppException(
      'SIGNATURE_VERIFICATION_FAILED',
      'Chữ ký số trên văn bản không hợp lệ hoặc chưa xác minh được. Chỉ vào sổ khi xác nhận bỏ qua (kết quả kiểm tra được lưu kèm văn bản).',
      422,
      { verdict },
    ),
  fileIndexInvalid: (files: number) =>
    new AppException(
      'FILE_INDEX_INVALID',
      `Số thứ tự tệp không hợp lệ: văn bản có ${files} tệp (0 là văn bản chính, ${files} để thêm phụ lục mới).`,
      400,
    ),
  commentRequired: () =>
    new AppException('COMMENT_REQUIRED', 'Vui lòng ghi ý kiến khi trả lại dự thảo.', 400),
  dateInvalid: (field: string) =>
    new AppException('DATE_INVALID', `Ngày "${field}" không hợp lệ (định dạng YYYY-MM-DD).`, 400, { field }),
  issuedDateInFuture: () =>
    new AppException('ISSUED_DATE_IN_FUTURE', 'Ngày ban hành văn bản không được sau ngày đến.', 400),
  dueDateBeforeArrival: () =>
    new AppException('DUE_DATE_BEFORE_ARRIVAL', 'Hạn giải quyết không được trước ngày đến của văn bản.', 400),
  deadlineInPast: () => new AppException('DEADLINE_IN_PAST', 'Hạn xử lý không được trước ngày hôm nay.', 400),
  assignmentTargetRepeated: () =>
    new AppException(
      'ASSIGNMENT_TARGET_REPEATED',
      'Mỗi đơn vị hoặc cá nhân chỉ được giao một vai trò (chủ trì, phối hợp hoặc để biết).',
      400,
    ),
  replyInvalid: () =>
    new AppException(
      'REPLY_ENTRY_INVALID',
      'Văn bản trả lời phải là văn bản đi đã phát hành của cơ quan.',
      400,
    ),
  noPersonalCertificate: () =>
    new AppException(
      'PERSONAL_CERTIFICATE_MISSING',
      'Bạn chưa có chứng thư số cá nhân còn hiệu lực trên hệ thống. Vui lòng nhập chứng thư số (.p12) trước khi ký.',
      409,
    ),
  fileChanged: () =>
    new AppException(
      'ENTRY_FILE_CHANGED',
      'Tệp văn bản vừa được thay đổi trong lúc ký. Vui lòng tải lại và ký lại.',
      409,
    ),
  agencyAbbreviationMissing: () =>
    new AppException(
      'AGENCY_ABBREVIATION_MISSING',
      'Cơ quan chưa có chữ viết tắt tên cơ quan để ghi ký hiệu văn bản. Vui lòng cập nhật danh bạ cơ quan.',
      409,
    ),
  versionNotFound: () => new AppException('VERSION_NOT_FOUND', 'Không tìm thấy phiên bản tệp.', 404),
  replacementInvalid: () =>
    new AppException(
      'REPLACEMENT_INVALID',
      'Văn bản thay thế phải là một văn bản đi khác của cơ quan, đã được phát hành.',
      400,
    ),
  caseFileNotFound: () => new AppException('CASE_FILE_NOT_FOUND', 'Không tìm thấy hồ sơ.', 404),
  searchCursorInvalid: () =>
    new AppException(
      'SEARCH_CURSOR_INVALID',
      'Con trỏ phân trang không hợp lệ, vui lòng tìm kiếm lại từ đầu.',
      400,
    ),
  caseFileEntryNotFound: () =>
    new AppException('CASE_FILE_ENTRY_NOT_FOUND', 'Văn bản này không có trong hồ sơ.', 404),
  registerNotPrintable: () =>
    new AppException('REGISTER_NOT_PRINTABLE', 'Sổ đăng ký bản sao chưa hỗ trợ in và xuất tệp.', 422),
  reportPeriodInvalid: () =>
    new AppException(
      'REPORT_PERIOD_INVALID',
      'Ngày bắt đầu kỳ báo cáo phải trước hoặc bằng ngày kết thúc.',
      400,
    ),
  notificationNotFound: () => new AppException('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo.', 404),
  copyNotFound: () => new AppException('COPY_NOT_FOUND', 'Không tìm thấy bản sao.', 404),
  copyWithdrawn: () =>
    new AppException(
      'COPY_WITHDRAWN',
      'Bản sao đã bị hủy cùng văn bản gốc do cơ quan ban hành thu hồi.',
      410,
    ),
  copyExtractRequired: () =>
    new AppException('COPY_EXTRACT_REQUIRED', 'Trích sao cần tải lên tệp PDF của phần được trích.', 400),
  copyFileUnexpected: () =>
    new AppException(
      'COPY_FILE_UNEXPECTED',
      'Sao y và sao lục sao toàn văn văn bản đã có; chỉ trích sao mới tải lên tệp.',
      400,
    ),
  copySourceWithoutFile: () =>
    new AppException('COPY_SOURCE_WITHOUT_FILE', 'Văn bản này không có tệp điện tử để sao.', 409),
};

registerConstraintErrors({
  uq_register_entry_number: {
    code: 'REGISTER_NUMBER_TAKEN',
    message: 'Số văn bản này đã được cấp trong sổ.',
  },
  uq_register_entry_source_delivery: {
    code: 'DELIVERY_ALREADY_RECEIVED',
    message: 'Văn bản này đã được nhận vào hộp thư đến.',
  },
  fk_register_entry_document_type: {
    code: 'DOCUMENT_TYPE_UNKNOWN',
    message: 'Loại văn bản không có trong danh mục.',
    status: 400,
  },
  fk_register_entry_drafting_unit: { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị.', status: 400 },
  fk_assignment_unit: { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị.', status: 400 },
  fk_assignment_user: { code: 'USER_NOT_FOUND', message: 'Không tìm thấy người dùng.', status: 400 },
  uq_case_file_code: { code: 'CASE_FILE_DUPLICATE', message: 'Mã hồ sơ này đã có trong năm.' },
});
