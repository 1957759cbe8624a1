import { z } from 'zod';

export const uuidParam = z.uuid();

/** ND30 field lengths: FileNotation 20, FileCatalog (year) 4; the title and keeper as stored. */
export const createCaseFileBody = z.object({
  code: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(500),
  year: z.number().int().min(2000).max(2999),
  keeper: z.string().trim().min(1).max(100),
});

export const caseFileYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2999).optional() });

export const addCaseFileEntryBody = z.object({ entryId: z.uuid() });
