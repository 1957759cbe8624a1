import { z } from 'zod';

/** Every refusal and failure: a stable English code, a Vietnamese message, the id of the log line. */
export const errorBodySchema = z
  .object({
    code: z.string().meta({ description: 'Mã lỗi ổn định (tiếng Anh), ví dụ VALIDATION_FAILED' }),
    message: z.string().meta({ description: 'Thông điệp tiếng Việt cho người dùng' }),
    errorId: z.string().meta({ description: 'Mã tra cứu dòng nhật ký của lỗi' }),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'Chi tiết, ví dụ issues: [{ path, message }] khi dữ liệu không hợp lệ' }),
  })
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorBodySchema>;
