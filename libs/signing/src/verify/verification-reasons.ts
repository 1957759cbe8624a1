/**
 * Stable reason codes of the verifier. `error` makes a signature invalid, `indeterminate` leaves it
 * undecided (e.g. intact but not trusted), `warning` and `info` are shown but do not change the verdict.
 */
export type ReasonSeverity = 'error' | 'indeterminate' | 'warning' | 'info';

const REASONS = {
  // integrity and coverage
  DIGEST_MISMATCH: [
    'error',
    'Nội dung đã ký bị thay đổi: giá trị băm của vùng được ký không khớp với chữ ký.',
  ],
  CMS_SIGNATURE_INVALID: [
    'error',
    'Giá trị chữ ký số không đúng với khóa công khai trong chứng thư của người ký.',
  ],
  CMS_MALFORMED: ['error', 'Dữ liệu chữ ký số (CMS) bị hỏng, không đọc được.'],
  SIGNATURE_DICT_INVALID: ['error', 'Từ điển chữ ký trong tệp PDF thiếu hoặc sai /ByteRange hoặc /Contents.'],
  BYTERANGE_INVALID: ['error', 'Vùng ký (/ByteRange) không hợp lệ hoặc vượt ra ngoài tệp.'],
  BYTERANGE_NOT_AT_START: ['error', 'Vùng ký không bắt đầu từ byte đầu tiên của tệp.'],
  BYTERANGE_OVERLAP: ['error', 'Các đoạn của vùng ký chồng lên nhau.'],
  COVERAGE_GAP: [
    'error',
    'Vùng ký có khoảng trống không được ký ngoài vị trí chứa giá trị chữ ký (/Contents).',
  ],
  CONTENTS_NOT_IN_GAP: [
    'error',
    'Giá trị chữ ký (/Contents) không nằm đúng ở khoảng trống duy nhất của vùng ký.',
  ],
  BYTERANGE_NOT_AT_REVISION_END: [
    'error',
    'Vùng ký không kết thúc ở cuối một phiên bản của tệp (dòng %%EOF).',
  ],
  SIGNATURE_NOT_IN_COVERED_REVISION: [
    'error',
    'Từ điển chữ ký không thuộc phiên bản tài liệu mà chữ ký bao phủ.',
  ],
  UNCOVERED_TAIL: [
    'error',
    'Cuối tệp có dữ liệu nối thêm không được ký và không phải một bản cập nhật hợp lệ của tài liệu.',
  ],
  ESS_SIGNING_CERTIFICATE_MISMATCH: [
    'error',
    'Thuộc tính chứng thư ký (ESS signing-certificate) không khớp với chứng thư của người ký.',
  ],
  UNSUPPORTED_SUBFILTER: ['indeterminate', 'Định dạng chữ ký (/SubFilter) này chưa được hỗ trợ kiểm tra.'],
  UNSUPPORTED_ALGORITHM: ['indeterminate', 'Thuật toán băm hoặc thuật toán ký chưa được hỗ trợ kiểm tra.'],
  SIGNER_CERT_NOT_FOUND: [
    'indeterminate',
    'Chữ ký không kèm chứng thư số của người ký nên không kiểm tra được.',
  ],
  // certificates and trust
  CHAIN_UNTRUSTED: [
    'indeterminate',
    'Không xây dựng được chuỗi chứng thư đến một chứng thư gốc được tin cậy.',
  ],
  CERT_EXPIRED_AT_SIGNING: ['error', 'Chứng thư số đã hết hạn tại thời điểm ký.'],
  CERT_NOT_YET_VALID_AT_SIGNING: ['error', 'Chứng thư số chưa có hiệu lực tại thời điểm ký.'],
  CERT_REVOKED: ['error', 'Chứng thư số đã bị thu hồi trước thời điểm ký.'],
  CERT_REVOKED_NO_POE: [
    'indeterminate',
    'Chứng thư số đã bị thu hồi sau thời điểm ký được khai báo, nhưng thời điểm ký không có dấu thời gian chứng minh.',
  ],
  CERT_REVOKED_AFTER_SIGNING: [
    'info',
    'Chứng thư số bị thu hồi sau thời điểm ký đã được dấu thời gian chứng minh.',
  ],
  KEY_USAGE_NOT_SIGNING: [
    'warning',
    'Chứng thư của người ký không có mục đích ký số (digitalSignature hoặc nonRepudiation).',
  ],
  // Without revocation evidence nobody can say the certificate was not revoked, so the signature
  // cannot be called valid (as ETSI EN 319 102-1 validators answer INDETERMINATE).
  REVOCATION_UNKNOWN: [
    'indeterminate',
    'Chưa xác định được tình trạng thu hồi của chứng thư (không có CRL hoặc OCSP phù hợp), nên chưa thể kết luận chữ ký hợp lệ.',
  ],
  REVOCATION_FETCH_FAILED: [
    'warning',
    'Không tải được CRL hoặc phản hồi OCSP từ địa chỉ ghi trong chứng thư.',
  ],
  // time
  TIMESTAMP_INVALID: [
    'warning',
    'Dấu thời gian của chữ ký không hợp lệ nên không được dùng làm thời điểm ký.',
  ],
  TIMESTAMP_UNTRUSTED: [
    'warning',
    'Dấu thời gian của chữ ký do đơn vị cấp dấu thời gian không được tin cậy cấp.',
  ],
  SIGNING_TIME_UNKNOWN: [
    'warning',
    'Chữ ký không ghi thời điểm ký; chứng thư được kiểm tra tại thời điểm hiện tại.',
  ],
  // PAdES
  NOT_PADES: ['info', 'Chữ ký dạng adbe.pkcs7 (không theo chuẩn PAdES).'],
  PADES_ESS_MISSING: [
    'warning',
    'Chữ ký CAdES thiếu thuộc tính chứng thư ký (ESS signing-certificate) nên chưa đạt PAdES B-B.',
  ],
  // changes
  DISALLOWED_CHANGES_AFTER: ['error', 'Tài liệu đã bị sửa đổi theo cách không được phép sau khi ký.'],
  CHANGE_ANALYSIS_FAILED: ['indeterminate', 'Không phân tích được các thay đổi của tài liệu sau khi ký.'],
  // content: shown on every report, the verdict stays the signatures' (docs/active-content.md)
  ACTIVE_CONTENT: [
    'warning',
    'Tài liệu chứa nội dung chủ động, có thể tự thực hiện hoặc làm thay đổi nội dung hiển thị khi mở tệp; chữ ký số không bảo đảm những gì hiển thị sau khi nội dung này chạy. Không cho phép phần mềm đọc PDF chạy mã lệnh hay mở tệp nhúng khi mở tài liệu này.',
  ],
} as const satisfies Record<string, readonly [ReasonSeverity, string]>;

export type VerificationReasonCode = keyof typeof REASONS;

export const VERIFICATION_REASON_CODES = Object.keys(REASONS) as VerificationReasonCode[];

export interface VerificationReason {
  readonly code: VerificationReasonCode;
  readonly severity: ReasonSeverity;
  /** Vietnamese, for people */
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export function reason(code: VerificationReasonCode, details?: Record<string, unknown>): VerificationReason {
  const [severity, message] = REASONS[code];
  return details ? { code, severity, message, details } : { code, severity, message };
}
