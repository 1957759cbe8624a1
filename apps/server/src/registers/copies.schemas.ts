import { COPY_TYPES } from '@vanthu/registers';
import { z } from 'zod';

/** A copy request: JSON, or multipart text fields beside the extract of a trích sao. */
export const makeCopyBody = z
  .object({
    copyType: z.enum(COPY_TYPES),
    /** Nơi nhận of the copy (ND30 Phụ lục I: up to 1,000 characters). */
    toPlaces: z.string().trim().max(1000).nullish(),
  })
  .strict();

export const copyIdParam = z.uuid();
