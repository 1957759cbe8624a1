import { z } from 'zod';
import { assertSafeText } from './text-safety';

/** Generous for any metadata of ours; multer's field size limit (64 KiB) applies first. */
const MAX_JSON_CHARS = 64 * 1024;

/**
 * A multipart text field holding JSON (`metadata`), validated by `schema`. The parsed JSON meets
 * the text rule before the schema does, so a control character or a lone surrogate written as a
 * JSON escape (`\u0000`, `\ud800`) answers TEXT_INVALID_CHARACTERS naming `<name>.<field>`, as the
 * same text in a JSON body does.
 */
export function jsonFormField<S extends z.ZodType>(schema: S, name: string) {
  return z
    .string()
    .max(MAX_JSON_CHARS)
    .transform((raw, ctx) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Không phải JSON hợp lệ', params: { code: 'INVALID_JSON' } });
        return z.NEVER;
      }
      // thrown, not an issue: zod passes the exception through, and the filter answers it as is
      assertSafeText(parsed, name, 'text');
      return parsed;
    })
    .pipe(schema);
}
