import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import { FILE_RESPONSE } from './file-response.decorator';
import { RESPONSE_SCHEMA } from './zod-response.decorator';

/** Paths of fields present in `sent` (with a value) that parsing with the schema dropped. */
function undocumentedFields(sent: unknown, parsed: unknown, path = ''): string[] {
  if (sent === null || typeof sent !== 'object' || sent instanceof Date) return [];
  if (Array.isArray(sent)) {
    const items = Array.isArray(parsed) ? parsed : [];
    return sent.flatMap((v, i) => undocumentedFields(v, items[i], `${path}[${i}]`));
  }
  const kept = (parsed ?? {}) as Record<string, unknown>;
  return Object.entries(sent as Record<string, unknown>).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) return [];
    return key in kept ? undocumentedFields(value, kept[key], at) : [at];
  });
}

/**
 * Checks every JSON answer against the handler's `@ZodResponse` schema: a value of another type,
 * a field the schema does not name, or a JSON answer from a handler without a schema fails the
 * request with an error naming the route and the fields. Enabled by the test server (every
 * end-to-end test checks the contract); production answers are not re-parsed.
 */
@Injectable()
export class ResponseContractInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const route = `${context.getClass().name}.${handler.name}`;
    const schema: unknown = Reflect.getMetadata(RESPONSE_SCHEMA, handler);
    if (Reflect.getMetadata(FILE_RESPONSE, handler)) return next.handle();
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(schema instanceof z.ZodType)) {
          if (value === undefined) return value;
          throw new Error(`response contract: ${route} answers JSON without @ZodResponse`);
        }
        const result = schema.safeParse(value);
        if (!result.success) {
          throw new Error(`response contract: ${route}: ${z.prettifyError(result.error)}`);
        }
        const extra = undocumentedFields(value, result.data);
        if (extra.length > 0) {
          throw new Error(`response contract: ${route} sends undocumented fields: ${extra.join(', ')}`);
        }
        return value;
      }),
    );
  }
}
