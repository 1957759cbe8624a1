import { z } from 'zod';
import { requestDate } from '../http/request-fields';

export const reportSummaryQuery = z.object({
  from: requestDate
    .optional()
    .meta({ description: 'Ngày đầu kỳ; mặc định 1/1 của năm (năm của `to`, hoặc năm nay)' }),
  to: requestDate
    .optional()
    .meta({ description: 'Ngày cuối kỳ; mặc định 31/12 của năm (năm của `from`, hoặc năm nay)' }),
  includeSubordinates: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Cộng cả các cơ quan cấp dưới (lãnh đạo, quản trị)' }),
});
