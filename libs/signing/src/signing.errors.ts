import { errorFactory } from '@vanthu/shared';

/**
 * Error codes shared by the keystore, certificate, CMS and TSA parts of the signing lib. The PDF and
 * verifier parts keep their own codes in their own files. Messages never carry passphrases or keys.
 */
const SIGNING_ERRORS = {
  P12_MALFORMED: { status: 400, message: 'Tệp PKCS#12 (.p12/.pfx) không đúng định dạng hoặc bị hỏng.' },
  P12_PASSWORD_WRONG: { status: 400, message: 'Mật khẩu của tệp PKCS#12 không đúng.' },
  P12_NO_PRIVATE_KEY: { status: 400, message: 'Tệp PKCS#12 không chứa khóa bí mật.' },
  P12_NO_CERTIFICATE: {
    status: 400,
    message: 'Tệp PKCS#12 không chứa chứng thư số tương ứng với khóa bí mật.',
  },
  CERT_MALFORMED: { status: 400, message: 'Chứng thư số không đúng định dạng.' },
  CERT_EXPIRED: { status: 422, message: 'Chứng thư số đã hết hạn.' },
  CERT_NOT_YET_VALID: { status: 422, message: 'Chứng thư số chưa đến thời điểm có hiệu lực.' },
  CERT_KEY_USAGE_INVALID: {
    status: 422,
    message:
      'Chứng thư số không được phép dùng để ký số (thiếu mục đích digitalSignature hoặc nonRepudiation).',
  },
  SIGNING_KEY_UNSUPPORTED: {
    status: 422,
    message: 'Loại khóa bí mật này chưa được hỗ trợ để ký số (chỉ hỗ trợ RSA và ECDSA).',
  },
  SIGNING_DIGEST_INVALID: {
    status: 400,
    message: 'Giá trị băm của tài liệu không khớp với thuật toán băm đã chọn.',
  },
  TSA_UNREACHABLE: { status: 502, message: 'Không kết nối được với máy chủ cấp dấu thời gian (TSA).' },
  TSA_REJECTED: { status: 502, message: 'Máy chủ cấp dấu thời gian (TSA) từ chối yêu cầu.' },
  TSA_RESPONSE_INVALID: {
    status: 502,
    message: 'Phản hồi của máy chủ cấp dấu thời gian (TSA) không hợp lệ.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type SigningErrorCode = keyof typeof SIGNING_ERRORS;

/** Builds the AppException for one of the codes above; `details` must never hold secrets. */
export const signingError = errorFactory(SIGNING_ERRORS);
