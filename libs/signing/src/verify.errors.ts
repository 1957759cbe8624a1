import { errorFactory } from '@vanthu/shared';

/**
 * Input errors of the verifier: a file it cannot judge at all. Signatures that fail are not errors;
 * they are reported with reason codes (verification-reasons.ts). The PDF codes and messages are the
 * same as the PDF signer's (pdf-signing.errors.ts) so callers see one code per problem.
 */
const VERIFY_ERRORS = {
  PDF_NOT_PDF: { status: 400, message: 'Tệp tải lên không phải là tệp PDF.' },
  PDF_MALFORMED: { status: 400, message: 'Tệp PDF bị hỏng hoặc không đầy đủ, không thể đọc được.' },
  PDF_ENCRYPTED: {
    status: 422,
    message: 'Tệp PDF đã được mã hóa hoặc đặt mật khẩu nên không kiểm tra được chữ ký số.',
  },
  TRUST_ANCHOR_INVALID: { status: 400, message: 'Chứng thư gốc tin cậy được cấu hình không đúng định dạng.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type VerifyErrorCode = keyof typeof VERIFY_ERRORS;

/** Builds the AppException for one of the codes above; `details` must never hold secrets. */
export const verifyError = errorFactory(VERIFY_ERRORS);
