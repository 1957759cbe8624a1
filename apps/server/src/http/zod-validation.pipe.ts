import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { AppException } from '@vanthu/shared';
import { z } from 'zod';
import { assertSafeText } from './text-safety';
import { vietnameseZodErrors } from './vietnamese-zod-errors';

/**
 * The one validation pipe, registered globally: every `@Body({ schema })`, `@Query({ schema })` and
 * `@Param(name, { schema })` is parsed with its zod schema (the same schema OpenAPI shows). Every
 * problem is listed in `details.issues` with the field's path and a Vietnamese message.
 *
 * Every argument, with a schema or not, also meets the text rule of SafeTextGuard (no control
 * characters, no unpaired surrogates): here it reaches what the guard cannot see, multipart fields
 * and file names (parsed after the guards) and JSON parsed from a field (`metadata`).
 */
/** A stable English code per field problem: zod's own, or the one a refinement names (DATE_OUT_OF_RANGE). */
function issueCode(issue: z.core.$ZodIssue): string {
  const own = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof own === 'string' ? own : issue.code.toUpperCase();
}

export class ZodValidationPipe implements PipeTransform<unknown, unknown> {
  /** With a schema: a pipe for one parameter that OpenAPI must not see as a JSON body (multipart fields). */
  constructor(private readonly own?: z.ZodType) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const prefix = metadata.type === 'param' || metadata.type === 'query' ? metadata.data : undefined;
    const kind = metadata.type === 'body' ? 'text' : 'line';
    assertSafeText(value, prefix ?? '', kind);
    const schema = this.own ?? metadata.schema;
    if (!(schema instanceof z.ZodType)) return value;
    const result = schema.safeParse(value, { error: vietnameseZodErrors });
    if (result.success) {
      assertSafeText(result.data, prefix ?? '', kind);
      return result.data;
    }
    throw new AppException('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', 400, {
      issues: result.error.issues.map((i) => ({
        path: [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.'),
        code: issueCode(i),
        message: i.message,
      })),
    });
  }
}
