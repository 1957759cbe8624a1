import { AppException } from '@vanthu/shared';

/** At least 10 characters with a letter and a digit; long passphrases are welcome. */
export function assertPasswordPolicy(password: string): void {
  if (password.length < 10 || password.length > 256 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw new AppException('PASSWORD_TOO_WEAK', 'Mật khẩu phải dài từ 10 ký tự, gồm cả chữ và số.', 400);
  }
}
