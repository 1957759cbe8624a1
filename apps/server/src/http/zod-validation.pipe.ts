import { type PipeTransform } from '@nestjs/common';
import { AppException } from '@vanthu/shared';
import type { z } from 'zod';

/** Validates a body, query or param with a zod schema; every problem is listed in `details.issues`. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new AppException('VALIDATION_FAILED', 'Dữ liệu không hợp lệ', 400, {
      issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
}
