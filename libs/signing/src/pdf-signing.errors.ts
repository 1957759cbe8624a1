import { AppException, errorFactory } from '@vanthu/shared';
import { APPEARANCE_IMAGE_LIMITS_TEXT } from './pdf/appearance/image-limits';

/**
 * Error codes of the PDF half of the signing lib (reading, placing, writing). Keystore, certificate,
 * CMS and TSA codes live in `signing.errors.ts`. Messages never carry passphrases or keys.
 */
const PDF_SIGNING_ERRORS = {
  PDF_NOT_PDF: { status: 400, message: 'Tệp tải lên không phải là tệp PDF.' },
  PDF_MALFORMED: { status: 400, message: 'Tệp PDF bị hỏng hoặc không đầy đủ, không thể đọc được.' },
  PDF_ENCRYPTED: {
    status: 422,
    message: 'Tệp PDF đã được mã hóa hoặc đặt mật khẩu; hãy gỡ mã hóa trước khi ký số.',
  },
  PDF_CERTIFIED_NO_CHANGES: {
    status: 422,
    message: 'Tệp PDF đã được chứng thực và không cho phép thay đổi, kể cả thêm chữ ký số.',
  },
  IMAGE_NOT_PNG: { status: 400, message: 'Ảnh chữ ký hoặc ảnh con dấu phải là tệp PNG hợp lệ.' },
  IMAGE_TOO_LARGE: {
    status: 422,
    message:
      `Ảnh chữ ký hoặc ảnh con dấu quá lớn (${APPEARANCE_IMAGE_LIMITS_TEXT}); ` +
      'hãy tải lên ảnh nhỏ hơn, độ phân giải 300 dpi là đủ.',
  },
  PLACEMENT_OFF_PAGE: {
    status: 400,
    message: 'Vị trí đặt chữ ký nằm ngoài trang hoặc trang không tồn tại trong văn bản.',
  },
  PLACEMENT_NOT_FOUND: {
    status: 422,
    message: 'Không tự tìm được vị trí đặt chữ ký, số hoặc ngày trên văn bản; hãy chỉ định vị trí cụ thể.',
  },
  SIGNER_NAME_MISMATCH: {
    status: 422,
    message:
      'Tên người ký in trên văn bản không khớp với tên người ký số; hãy kiểm tra lại văn bản hoặc chỉ định vị trí đặt chữ ký.',
  },
  SIGNATURE_PLACEHOLDER_TOO_SMALL: {
    status: 500,
    message:
      'Vùng dành cho chữ ký số trong tệp PDF không đủ chỗ chứa chữ ký; hãy tăng kích thước vùng chữ ký.',
  },
  PDF_SIGN_REQUEST_INVALID: { status: 400, message: 'Yêu cầu ký số văn bản PDF không hợp lệ.' },
  // the message is completed with what was found (refuseActiveContent)
  PDF_ACTIVE_CONTENT: {
    status: 422,
    message:
      'Văn bản điện tử ký số không được chứa nội dung chủ động (mã lệnh, tệp nhúng, biểu mẫu động, hành động tự thực hiện). Hãy xuất lại tệp PDF từ phần mềm soạn thảo, không kèm các nội dung này, rồi tải lên lại.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type PdfSigningErrorCode = keyof typeof PDF_SIGNING_ERRORS;

/** Builds the AppException for one of the codes above; `details` must never hold secrets. */
export const pdfSigningError = errorFactory(PDF_SIGNING_ERRORS);

/**
 * SIGNER_NAME_MISMATCH naming both names, so that the person sees why the signature could not be
 * placed and can correct the document or give a position: the name printed under the signer's title
 * and the one looked for (the certificate's, or the one the request gave).
 */
export function signerNameMismatch(
  printedName: string,
  expectedName: string,
  expectedFrom: 'certificate' | 'request',
  page: number,
): AppException {
  const expected =
    expectedFrom === 'certificate'
      ? `tên trên chứng thư số “${expectedName}”`
      : `tên người ký của văn bản “${expectedName}”`;
  return new AppException(
    'SIGNER_NAME_MISMATCH',
    `Tên người ký in trên văn bản (trang ${page}) là “${printedName}”, không khớp với ${expected}; ` +
      'hãy kiểm tra lại văn bản hoặc chỉ định vị trí đặt chữ ký.',
    PDF_SIGNING_ERRORS.SIGNER_NAME_MISMATCH.status,
    { printedName, expectedName, expectedFrom, page },
  );
}
