import type { EnvelopeReason, EnvelopeReasonSeverity } from './envelope-report';

/** Reason codes of the envelope verifier (certificate reasons come from libs/signing's verifier). */
const REASONS = {
  SIGNATURE_NOT_XMLDSIG: [
    'legacy',
    'Phần tử Signature không thuộc không gian tên XML-DSig (chữ ký kiểu cũ của các trục), không kiểm tra được.',
  ],
  SIGNATURE_WEAK_ALGORITHM: ['legacy', 'Chữ ký dùng thuật toán SHA-1, không còn được chấp nhận để kiểm tra.'],
  SIGNATURE_PLACEHOLDER: [
    'legacy',
    'Chữ ký là giá trị mẫu sao chép từ gói tin khác (chứng thư trong KeyInfo bị cắt cụt), không kiểm tra được.',
  ],
  SIGNATURE_MULTIPLE: ['error', 'Gói tin có nhiều hơn một chữ ký XML-DSig.'],
  ENVELOPE_NOT_CHECKED: [
    'indeterminate',
    'Chữ ký của gói tin không được kiểm tra lại khi đọc: chính các byte này đã được kiểm tra khi nhận.',
  ],
  SIGNATURE_MALFORMED: ['error', 'Cấu trúc chữ ký XML-DSig không hợp lệ.'],
  SIGNATURE_OUTSIDE_HEADER: ['warning', 'Chữ ký không nằm trong edXMLHeader như chuẩn quy định.'],
  REFERENCE_EXTRA: [
    'error',
    'Chữ ký có nhiều hơn một tham chiếu (Reference); chỉ chấp nhận một tham chiếu tới toàn bộ gói tin.',
  ],
  REFERENCE_NOT_WHOLE_DOCUMENT: [
    'error',
    'Chữ ký không ký toàn bộ gói tin (tham chiếu phải là URI="" với phép biến đổi enveloped-signature).',
  ],
  TRANSFORM_NOT_ALLOWED: ['error', 'Chữ ký dùng phép biến đổi (Transform) không được chấp nhận.'],
  ALGORITHM_UNSUPPORTED: ['indeterminate', 'Thuật toán ký, băm hoặc chuẩn hóa của chữ ký chưa được hỗ trợ.'],
  KEYINFO_CERTIFICATE_MISSING: [
    'indeterminate',
    'Chữ ký không kèm chứng thư số (KeyInfo/X509Certificate) nên không kiểm tra được.',
  ],
  KEYINFO_CERTIFICATE_MALFORMED: ['error', 'Chứng thư số trong KeyInfo bị hỏng, không đọc được.'],
  DIGEST_MISMATCH: ['error', 'Nội dung gói tin đã bị thay đổi sau khi ký: giá trị băm không khớp.'],
  SIGNATURE_VALUE_INVALID: [
    'error',
    'Giá trị chữ ký không đúng với khóa công khai trong chứng thư kèm theo (SignedInfo bị sửa hoặc chứng thư bị thay).',
  ],
} as const satisfies Record<string, readonly [EnvelopeReasonSeverity, string]>;

export type EnvelopeReasonCode = keyof typeof REASONS;

export const ENVELOPE_REASON_CODES = Object.keys(REASONS) as EnvelopeReasonCode[];

export function envelopeReason(code: EnvelopeReasonCode, details?: Record<string, unknown>): EnvelopeReason {
  const [severity, message] = REASONS[code];
  return details ? { code, severity, message, details } : { code, severity, message };
}
