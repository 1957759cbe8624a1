import { AppException } from '@vanthu/shared';
import { registerConstraintErrors } from '@vanthu/persistence';
import { APPEARANCE_IMAGE_LIMITS, APPEARANCE_IMAGE_LIMITS_TEXT } from '@vanthu/signing';

/**
 * Errors of the certificate store. The engine's own codes (P12_*, CERT_*) pass through unchanged;
 * nothing here ever carries a passphrase or key material, not even in `details`.
 */
export const CertificateErrors = {
  notFound: () => new AppException('CERTIFICATE_NOT_FOUND', 'Không tìm thấy chứng thư số.', 404),
  duplicate: () =>
    new AppException('CERTIFICATE_DUPLICATE', 'Chứng thư số này đã được nhập cho cơ quan.', 409),
  revoked: () =>
    new AppException('CERTIFICATE_REVOKED', 'Chứng thư số đã bị thu hồi, không thể sử dụng.', 409),
  replaced: () =>
    new AppException(
      'CERTIFICATE_REPLACED',
      'Chứng thư số đã được thay thế bằng chứng thư khác, không thể sử dụng.',
      409,
    ),
  wrongKind: (expected: 'organisation' | 'personal') =>
    new AppException(
      'CERTIFICATE_WRONG_KIND',
      expected === 'organisation'
        ? 'Thao tác này cần chứng thư số của cơ quan, tổ chức, không phải của cá nhân.'
        : 'Thao tác này cần chứng thư số cá nhân, không phải của cơ quan, tổ chức.',
      409,
    ),
  notForSigning: (why: 'ca' | 'key-usage') =>
    new AppException(
      'CERTIFICATE_NOT_FOR_SIGNING',
      why === 'ca'
        ? 'Đây là chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA), không dùng để ký văn bản.'
        : 'Chứng thư số không được phép dùng để ký số (thiếu mục đích digitalSignature hoặc nonRepudiation).',
      422,
    ),
  noUsableOrganisationCertificate: () =>
    new AppException(
      'CERTIFICATE_NOT_FOUND',
      'Cơ quan chưa có chứng thư số tổ chức còn hiệu lực để đóng dấu.',
      404,
    ),
  masterKeyInvalid: (reason: string) =>
    new AppException(
      'MASTER_KEY_INVALID',
      `Khóa chính dùng để mã hóa khóa bí mật không hợp lệ: ${reason}`,
      500,
    ),
  sealedKeyInvalid: () =>
    new AppException(
      'SEALED_KEY_INVALID',
      'Dữ liệu khóa bí mật đã mã hóa bị hỏng hoặc không thuộc về chứng thư số này.',
      500,
    ),
  appearanceInvalid: () =>
    new AppException(
      'APPEARANCE_IMAGE_INVALID',
      'Ảnh chữ ký hoặc con dấu phải là tệp PNG hợp lệ, nền trong suốt.',
      400,
    ),
  appearanceTooLarge: (size: { width: number; height: number; bytes: number }) =>
    new AppException(
      'APPEARANCE_IMAGE_TOO_LARGE',
      `Ảnh chữ ký hoặc con dấu quá lớn (${size.width} × ${size.height} điểm ảnh, ` +
        `${Math.ceil(size.bytes / 1024)} KB); ${APPEARANCE_IMAGE_LIMITS_TEXT}. ` +
        'Hãy tải lên ảnh nhỏ hơn, độ phân giải 300 dpi là đủ.',
      400,
      { ...size, limits: APPEARANCE_IMAGE_LIMITS },
    ),
  appearanceMissing: (kind: 'organisation' | 'personal') =>
    new AppException(
      'APPEARANCE_IMAGE_MISSING',
      kind === 'personal'
        ? 'Chứng thư số cá nhân chưa có ảnh chữ ký. Vui lòng tải lên ảnh chữ ký (PNG) trước khi ký.'
        : 'Chứng thư số của cơ quan chưa có ảnh con dấu. Vui lòng tải lên ảnh con dấu (PNG) trước khi đóng dấu.',
      409,
    ),
  unlockLocked: (minutes: number) =>
    new AppException(
      'P12_LOCKED',
      `Nhập sai mật khẩu chứng thư số quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      429,
    ),
  userNotFound: () => new AppException('USER_NOT_FOUND', 'Không tìm thấy người dùng.', 404),
  trustForbidden: () =>
    new AppException(
      'TRUST_STORE_FORBIDDEN',
      'Chỉ quản trị viên của đơn vị vận hành hệ thống mới được quản lý chứng thư gốc tin cậy và danh sách thu hồi.',
      403,
    ),
  trustAnchorNotFound: () =>
    new AppException('TRUST_ANCHOR_NOT_FOUND', 'Không tìm thấy chứng thư gốc tin cậy.', 404),
  trustAnchorDuplicate: () =>
    new AppException('TRUST_ANCHOR_DUPLICATE', 'Chứng thư gốc này đã có trong danh sách tin cậy.', 409),
  trustAnchorNotCa: () =>
    new AppException(
      'TRUST_ANCHOR_NOT_CA',
      'Chỉ thêm được chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA) vào danh sách tin cậy.',
      400,
    ),
  noCertificateInFile: () =>
    new AppException('CERT_MALFORMED', 'Tệp tải lên không chứa chứng thư số nào.', 400),
  crlMalformed: () =>
    new AppException('CRL_MALFORMED', 'Danh sách chứng thư bị thu hồi (CRL) không đúng định dạng.', 400),
  crlDuplicate: () =>
    new AppException('CRL_DUPLICATE', 'Danh sách chứng thư bị thu hồi (CRL) này đã được thêm.', 409),
};

registerConstraintErrors({
  uq_certificate_agency_fingerprint: {
    code: 'CERTIFICATE_DUPLICATE',
    message: 'Chứng thư số này đã được nhập cho cơ quan.',
  },
  fk_certificate_agency: { code: 'AGENCY_NOT_FOUND', message: 'Không tìm thấy cơ quan.', status: 404 },
  fk_certificate_owner: { code: 'USER_NOT_FOUND', message: 'Không tìm thấy người dùng.', status: 404 },
  uq_trust_anchor_fingerprint: {
    code: 'TRUST_ANCHOR_DUPLICATE',
    message: 'Chứng thư gốc này đã có trong danh sách tin cậy.',
  },
  uq_crl_fingerprint: {
    code: 'CRL_DUPLICATE',
    message: 'Danh sách chứng thư bị thu hồi (CRL) này đã được thêm.',
  },
});
