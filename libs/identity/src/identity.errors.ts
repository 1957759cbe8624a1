import { AppException } from '@vanthu/shared';
import { registerConstraintErrors } from '@vanthu/persistence';

export const IdentityErrors = {
  invalidCredentials: () =>
    new AppException('AUTH_INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 401),
  locked: (minutes: number) =>
    new AppException(
      'AUTH_LOCKED',
      `Đăng nhập sai nhiều lần từ máy này nên tạm thời bị chặn. Vui lòng thử lại sau ${minutes} phút.`,
      429,
      { retryAfterSeconds: minutes * 60 },
    ),
  slowed: (seconds: number) =>
    new AppException(
      'AUTH_SLOWED',
      `Tài khoản đang bị thử mật khẩu nhiều lần nên đăng nhập được giãn cách. Vui lòng thử lại sau ${seconds} giây.`,
      429,
      { retryAfterSeconds: seconds },
    ),
  unauthenticated: () => new AppException('AUTH_REQUIRED', 'Vui lòng đăng nhập.', 401),
  forbidden: () => new AppException('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', 403),
  agencyNotFound: () => new AppException('AGENCY_NOT_FOUND', 'Không tìm thấy cơ quan.', 404),
  userNotFound: () => new AppException('USER_NOT_FOUND', 'Không tìm thấy người dùng.', 404),
  unitNotFound: () => new AppException('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.', 404),
  usernameTaken: () => new AppException('USERNAME_TAKEN', 'Tên đăng nhập đã được sử dụng.', 409),
  unitCodeTaken: () => new AppException('UNIT_CODE_TAKEN', 'Mã đơn vị đã tồn tại trong cơ quan.', 409),
  versionConflict: () =>
    new AppException(
      'VERSION_CONFLICT',
      'Dữ liệu vừa được người khác cập nhật. Vui lòng tải lại rồi thử lại.',
      409,
    ),
  currentPasswordWrong: () =>
    new AppException('PASSWORD_CURRENT_WRONG', 'Mật khẩu hiện tại không đúng.', 400),
  lastAdmin: () =>
    new AppException(
      'LAST_ADMIN',
      'Không thể bỏ quyền quản trị của quản trị viên cuối cùng của cơ quan.',
      409,
    ),
};

registerConstraintErrors({
  uq_app_user_username: { code: 'USERNAME_TAKEN', message: 'Tên đăng nhập đã được sử dụng.' },
  uq_unit_agency_code: { code: 'UNIT_CODE_TAKEN', message: 'Mã đơn vị đã tồn tại trong cơ quan.' },
  fk_app_user_unit: { code: 'UNIT_NOT_FOUND', message: 'Không tìm thấy đơn vị.', status: 404 },
  fk_user_role_agency: { code: 'AGENCY_NOT_FOUND', message: 'Không tìm thấy cơ quan.', status: 404 },
});
