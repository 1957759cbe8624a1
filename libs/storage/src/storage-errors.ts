import { AppException } from '@vanthu/shared';

/*
 * The errors every adapter raises, so callers can branch on one set of codes whatever the backend.
 * Details carry the object key (not secret) but never endpoints or credentials.
 */

export function objectNotFound(key: string): AppException {
  return new AppException('STORAGE_OBJECT_NOT_FOUND', 'Không tìm thấy tệp trong kho lưu trữ.', 404, { key });
}

export function objectCorrupted(key: string, reason: string): AppException {
  return new AppException(
    'STORAGE_OBJECT_CORRUPTED',
    'Tệp trong kho lưu trữ đã bị hỏng: nội dung không khớp với mã kiểm tra SHA-256 đã ghi.',
    500,
    { key, reason },
  );
}

export function invalidObjectKey(key: unknown, reason: string): AppException {
  return new AppException('STORAGE_KEY_INVALID', 'Khóa lưu trữ không hợp lệ.', 400, {
    key: typeof key === 'string' ? key.slice(0, 600) : typeof key,
    reason,
  });
}

export function invalidContentType(): AppException {
  return new AppException('STORAGE_CONTENT_TYPE_INVALID', 'Kiểu nội dung của tệp không hợp lệ.', 400);
}

export function objectTooLarge(key: string, limit: number): AppException {
  return new AppException('STORAGE_OBJECT_TOO_LARGE', 'Tệp quá lớn để lưu vào kho lưu trữ.', 413, {
    key,
    limit,
  });
}

export function storageUnavailable(reason: string): AppException {
  return new AppException('STORAGE_UNAVAILABLE', 'Không kết nối được kho lưu trữ tệp.', 503, { reason });
}
