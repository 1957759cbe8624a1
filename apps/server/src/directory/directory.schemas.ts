import { agencyChangesSchema, agencyRecordSchema, SEARCH_MAX_LIMIT } from '@vanthu/directory';
import { z } from 'zod';

/** Path parameter; its format is checked by the use case so a bad code answers AGENCY_CODE_INVALID. */
export const agencyCodeParam = z.string().min(1).max(100);

export const searchAgenciesQuery = z.object({
  q: z.string().max(200).optional(),
  parentCode: z.string().max(100).optional(),
  hosted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).optional(),
  cursor: z.string().max(200).optional(),
});

export const createAgencyBody = agencyRecordSchema;

export const updateAgencyBody = agencyChangesSchema.extend({ version: z.number().int().positive() });

/** Generous for a province's directory in CSV; the JSON body limit (VANTHU_JSON_LIMIT_KB) applies first. */
const MAX_IMPORT_CHARS = 10 * 1024 * 1024;

export const importAgenciesBody = z.strictObject({
  format: z.enum(['json', 'csv']),
  content: z.string().min(1).max(MAX_IMPORT_CHARS),
});

export const exportAgenciesQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
