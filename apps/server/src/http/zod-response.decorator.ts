import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';

/** Where the response schema of a handler is kept (read by ResponseContractInterceptor). */
export const RESPONSE_SCHEMA = 'vanthu:response-schema';

/** A view may hold readonly arrays and objects; JSON does not care. */
type DeepReadonly<T> = T extends Date
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/** Fields a handler's result has and the schema does not document, as "path.to.field". */
type ExtraKeys<V, S, P extends string = ''> = V extends Date
  ? never
  : V extends readonly (infer VE)[]
    ? S extends readonly (infer SE)[]
      ? ExtraKeys<VE, SE, `${P}[].`>
      : never
    : V extends object
      ? S extends object
        ? V extends DeepReadonly<S>
          ? | `${P}${Exclude<keyof V, keyof S> & string}`
            | { [K in keyof V & keyof S & string]: ExtraKeys<V[K], S[K], `${P}${K}.`> }[keyof V &
                keyof S &
                string]
          : never
        : never
      : never;

type Returned<S extends z.ZodType> = DeepReadonly<z.output<S>>;
type Handler<S extends z.ZodType> = (...args: never[]) => Returned<S> | Promise<Returned<S>>;
type Verdict<F extends Handler<z.ZodType>, S extends z.ZodType> = [
  ExtraKeys<Awaited<ReturnType<F>>, z.output<S>>,
] extends [never]
  ? void
  : { undocumentedResponseFields: ExtraKeys<Awaited<ReturnType<F>>, z.output<S>> };

/**
 * The response of a handler, from a zod schema: OpenAPI shows it (with the status the route
 * answers), the compiler checks that the handler returns what the schema says — a wrong type or a
 * field the schema does not name is a compile error — and the end-to-end tests check each answer
 * against it at run time (ResponseContractInterceptor).
 *
 * Put it above `@Get`/`@Post` and `@HttpCode`, which it reads.
 */
export function ZodResponse<S extends z.ZodType>(schema: S, description = 'Thành công') {
  return <F extends Handler<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): Verdict<F, S> => {
    const handler = descriptor.value as object;
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) {
      throw new Error(`@ZodResponse on ${String(key)} must be above its @Get/@Post/… decorator`);
    }
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
      (method === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
    Reflect.defineMetadata(RESPONSE_SCHEMA, schema, handler);
    ApiResponse({ status, description, standardSchema: schema })(target, key, descriptor);
    return undefined as Verdict<F, S>;
  };
}
