import { AppException } from '@vanthu/shared';

/** Errors of document files. */
export const DocumentsErrors = {
  /**
   * The request took so long between storing its file and committing that a sweep released the
   * claim on it (see migration 1764100000410): nothing was recorded, sending it again works.
   */
  claimExpired: () =>
    new AppException(
      'STORAGE_CLAIM_EXPIRED',
      'Việc lưu tệp kéo dài quá lâu nên đã bị hủy; chưa có gì được ghi nhận. Vui lòng gửi lại.',
      503,
    ),
};
