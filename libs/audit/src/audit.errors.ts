import { AppException } from '@vanthu/shared';

export const AuditErrors = {
  /** The chain head is not where this transaction last left it: a bug, never a user's doing. */
  headMoved: (chain: string) =>
    new AppException(
      'AUDIT_CHAIN_HEAD_MOVED',
      'Không ghi được nhật ký kiểm toán do chuỗi băm thay đổi ngoài dự kiến, vui lòng thử lại.',
      500,
      { chain },
    ),
};
