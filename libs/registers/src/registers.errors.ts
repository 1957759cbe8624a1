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
  caseFileNotFound: () => new AppException('CASE_FILE_NOT_FOUND', 'Không tìm thấy hồ sơ.', 404),
  notificationNotFound: () => new AppException('NOTIFICATION_NOT_FOUND', 'Không tìm thấy thông báo.', 404),
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
