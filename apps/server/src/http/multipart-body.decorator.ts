import { applyDecorators, Body } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import { zodToOpenApi } from './zod-openapi.converter';
import { ZodValidationPipe } from './zod-validation.pipe';

export interface MultipartFileField {
  name: string;
  description: string;
  required?: boolean;
  /** Several files under one name (`attachments`). */
  many?: boolean;
}

/**
 * A multipart/form-data body: its file parts, and its text fields from the zod schema that
 * validates them (`@MultipartFields(schema)` on the parameter). A field the schema parses as JSON (a `string` piped into an
 * object, as `metadata`) is shown as that object; the document gives it `contentType:
 * application/json` (buildOpenApiDocument), so clients send it as a JSON part.
 */
export function MultipartBody(files: MultipartFileField[], fields?: z.ZodType): MethodDecorator {
  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const f of files) {
    const binary: SchemaObject = { type: 'string', format: 'binary' };
    properties[f.name] = f.many
      ? { type: 'array', items: binary, description: f.description }
      : { ...binary, description: f.description };
    if (f.required) required.push(f.name);
  }
  for (const [name, field] of Object.entries(fields ? objectOf(fields).shape : {})) {
    const json = jsonPayloadOf(field);
    const { schema, components } = zodToOpenApi(json ?? field, 'input');
    if (Object.keys(components).length > 0)
      throw new Error(`multipart field ${name}: named schemas unsupported`);
    properties[name] = schema;
    if (!field.safeParse(undefined).success) required.push(name);
  }
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required, properties } }),
  );
}

/** The object of the fields, also when the schema maps it afterwards (`object.transform(...)`). */
function objectOf(schema: z.ZodType): z.ZodObject {
  if (schema instanceof z.ZodObject) return schema;
  const def = schema._zod.def as { type: string; in?: z.ZodType };
  if (def.type === 'pipe' && def.in) return objectOf(def.in);
  throw new Error('MultipartBody: the fields schema must be an object');
}

/** The object a JSON text field is parsed into: the output side of `z.string().transform(...).pipe(object)`. */
function jsonPayloadOf(field: z.ZodType): z.ZodType | undefined {
  const def = field._zod.def as { type: string; out?: z.ZodType };
  if (def.type !== 'pipe' || !def.out) return undefined;
  return def.out instanceof z.ZodObject ? def.out : undefined;
}

/**
 * The text fields of a multipart body, validated like any body. Not `@Body({ schema })`: OpenAPI
 * would show that schema as the whole body in place of the multipart one with its files.
 */
export function MultipartFields(schema: z.ZodType): ParameterDecorator {
  return Body(new ZodValidationPipe(schema));
}
