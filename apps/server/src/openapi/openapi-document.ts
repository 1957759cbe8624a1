import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { AGENCY_ROLES, PUBLIC_ROUTE, type Role } from '@vanthu/identity';
import { errorBodySchema } from '../http/error-body.schema';
import { zodOpenApiConverter } from '../http/zod-openapi.converter';

const DESCRIPTION = [
  'Quản lý văn bản và ký số cho cơ quan nhà nước (Nghị định 30/2020/NĐ-CP).',
  '',
  'Xác thực: `Authorization: Bearer <token>` (ứng dụng) hoặc cookie `vanthu_session` (trình duyệt; ',
  'yêu cầu ghi phải có Origin của chính máy chủ). Cơ quan trong đường dẫn: mã định danh ',
  '(`000.00.12.H15`) hoặc id. Danh sách: `limit` và `cursor`, trả `{ items, nextCursor, total }`. ',
  'Lỗi: `{ code, message, errorId, details? }`.',
].join('\n');

type Handler = (...args: unknown[]) => unknown;

/** Each route handler by its default operationId (`<Controller>_<method>`), for what OpenAPI leaves out. */
function handlersByOperationId(app: INestApplication): Map<string, { handler: Handler; controller: object }> {
  const found = new Map<string, { handler: Handler; controller: object }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const value = controller.prototype[name];
        if (name !== 'constructor' && typeof value === 'function') {
          found.set(`${controller.name}_${name}`, { handler: value as Handler, controller });
        }
      }
    }
  }
  return found;
}

/** Multipart fields that carry JSON (`metadata`) are sent as JSON parts: say so, as OpenAPI 3.0 does. */
function describeJsonParts(operation: OperationObject): void {
  const body = operation.requestBody as RequestBodyObject | undefined;
  const multipart = body?.content?.['multipart/form-data'];
  const properties = (multipart?.schema as SchemaObject | undefined)?.properties ?? {};
  const json = Object.entries(properties).filter(([, p]) => (p as SchemaObject).type === 'object');
  if (multipart && json.length > 0) {
    multipart.encoding = Object.fromEntries(
      json.map(([name]) => [name, { contentType: 'application/json' }]),
    );
  }
}

/** `{agencyId}` takes the agency's id or its code (resolved by SessionGuard). */
function describeAgencyParameter(operation: OperationObject): void {
  for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
    if (parameter.in === 'path' && parameter.name === 'agencyId') {
      parameter.description = 'Mã định danh của cơ quan (ví dụ 000.00.12.H15) hoặc id (UUID)';
      parameter.schema = { type: 'string', maxLength: 100 };
    }
  }
}

/**
 * The OpenAPI document of the running application: request, query, path and response schemas from
 * the zod schemas the routes validate and answer with, the error body on every operation, which
 * session each operation needs and the agency roles it requires (`x-roles`, also in the text).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('vanthu API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
    .addCookieAuth('vanthu_session', { type: 'apiKey', in: 'cookie', name: 'vanthu_session' }, 'cookie')
    .addGlobalResponse({
      status: 'default',
      description: 'Lỗi: mã ổn định, thông điệp tiếng Việt',
      standardSchema: errorBodySchema,
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    standardSchemaConverter: zodOpenApiConverter(),
  });
  document.security = [{ bearer: [] }, { cookie: [] }];
  const handlers = handlersByOperationId(app);
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (operation) describeJsonParts(operation);
      if (operation) describeAgencyParameter(operation);
      const found = operation?.operationId ? handlers.get(operation.operationId) : undefined;
      if (!operation || !found) continue;
      const isPublic =
        Reflect.getMetadata(PUBLIC_ROUTE, found.handler) ??
        Reflect.getMetadata(PUBLIC_ROUTE, found.controller);
      if (isPublic) operation.security = [];
      const roles = Reflect.getMetadata(AGENCY_ROLES, found.handler) as Role[] | undefined;
      if (roles) {
        Object.assign(operation, { 'x-roles': roles });
        const who = roles.length > 0 ? roles.join(', ') : 'mọi vai trò trong cơ quan';
        operation.description = [operation.description, `Vai trò: ${who}.`].filter(Boolean).join('\n\n');
      }
    }
  }
  return document;
}
