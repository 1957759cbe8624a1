import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { StandardSchemaConverter } from '@nestjs/swagger/dist/interfaces/swagger-document-options.interface';
import { z } from 'zod';

/** Formats that say all a client needs: zod's long regular expressions for them only add noise. */
const SELF_DESCRIBING_FORMATS = new Set(['uuid', 'date', 'date-time', 'email']);

/** What `@Body({ schema })`, `@Query({ schema })`, `@Param(name, { schema })` and responses carry. */
function isZodSchema(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

/**
 * The OpenAPI 3.0 schema of a zod schema, for requests (`input`: before defaults and transforms)
 * or responses (`output`). Schemas named with `.meta({ id })` become `#/components/schemas/<id>`.
 * `z.date()` (what a view holds before JSON) is a `date-time` string on the wire.
 */
export function zodToOpenApi(
  schema: z.ZodType,
  io: 'input' | 'output',
): { schema: SchemaObject; components: Record<string, SchemaObject> } {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const target = jsonSchema as Record<string, unknown>;
      if (zodSchema._zod.def.type === 'date') {
        target.type = 'string';
        target.format = 'date-time';
      }
      if (typeof target.format === 'string' && SELF_DESCRIBING_FORMATS.has(target.format)) {
        delete target.pattern;
      }
      if (target.minimum === Number.MIN_SAFE_INTEGER) delete target.minimum;
      if (target.maximum === Number.MAX_SAFE_INTEGER) delete target.maximum;
    },
  }) as Record<string, unknown>;
  const { definitions, $schema: _schema, ...root } = json;
  return {
    schema: toComponentRefs(root) as SchemaObject,
    components: toComponentRefs(definitions ?? {}) as Record<string, SchemaObject>,
  };
}

function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string'
        ? v.replace('#/definitions/', '#/components/schemas/')
        : toComponentRefs(v),
    ]),
  );
}

/**
 * The converter @nestjs/swagger calls for every zod schema it meets. A named schema must come out
 * the same each time it is met (one used as a request and as a response with different shapes would
 * silently lose one of them), so a second, different definition under one name stops the build.
 */
export function zodOpenApiConverter(): StandardSchemaConverter {
  const seen = new Map<string, string>();
  return (schema, { schemaType }) => {
    if (!isZodSchema(schema)) return undefined;
    const converted = zodToOpenApi(schema, schemaType);
    for (const [name, definition] of Object.entries(converted.components)) {
      const text = JSON.stringify(definition);
      const before = seen.get(name);
      if (before !== undefined && before !== text) {
        throw new Error(`OpenAPI schema "${name}" has two different definitions (input and output?)`);
      }
      seen.set(name, text);
    }
    return converted;
  };
}
