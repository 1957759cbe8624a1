import { z } from 'zod';
import { requestYear, requestYearQuery } from '../http/request-fields';
import { listQuery } from '../http/response-fields';

export const uuidParam = z.uuid();

/** ND30 field lengths: FileNotation 20, FileCatalog (year) 4; the title and keeper as stored. */
export const createCaseFileBody = z.object({
  code: z.string().trim().min(1).max(20).meta({ description: 'Số, ký hiệu hồ sơ (FileNotation)' }),
  title: z.string().trim().min(1).max(500).meta({ description: 'Tiêu đề hồ sơ' }),
  year: requestYear
    .optional()
    .meta({ description: 'Năm hồ sơ (FileCatalog); mặc định: năm nay (giờ Việt Nam)' }),
  keeper: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Người lập hồ sơ; mặc định: người đang đăng nhập' }),
});

export const caseFileListQuery = listQuery.extend({
  year: requestYearQuery.optional().meta({ description: 'Chỉ hồ sơ của năm này' }),
});

export const addCaseFileEntryBody = z.object({ entryId: z.uuid() });
