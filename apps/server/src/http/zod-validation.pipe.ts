import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { AppException } from '@vanthu/shared';
import { z } from 'zod';
import { vietnameseZodErrors } from './vietnamese-zod-errors';

/**
 * The one validation pipe, registered globally: every `@Body({ schema })`, `@Query({ schema })` and
 * `@Param(name, { schema })` is parsed with its zod schema (the same schema OpenAPI shows). Every
 * problem is listed in `details.issues` with the field's path and a Vietnamese message.
 */
export class ZodValidationPipe implements PipeTransform<unknown, unknown> {
  /** With a schema: a pipe for one parameter that OpenAPI must not see as a JSON body (multipart fields). */
  constructor(private readonly own?: z.ZodType) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = this.own ?? metadata.schema;
    if (!(schema instanceof z.ZodType)) return value;
    const result = schema.safeParse(value, { error: vietnameseZodErrors });
    if (result.success) return result.data;
    const prefix = metadata.type === 'param' || metadata.type === 'query' ? metadata.data : undefined;
    throw new AppException('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', 400, {
      issues: result.error.issues.map((i) => ({
        path: [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.'),
        message: i.message,
      })),
    });
  }
}
