import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { previewOpenApiDocument } from './openapi-preview';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function operations(doc: OpenAPIObject): { key: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, op: item[m]! })),
  );
}

function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

describe('OpenAPI document (built without a database)', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await previewOpenApiDocument();
  });
  const op = (key: string) => operations(doc).find((o) => o.key === key)!.op;

  it('gives every operation a summary and its answer: a schema, a file, or no content (204)', () => {
    const missing = operations(doc).filter(({ op }) => {
      const [status, response] = Object.entries(op.responses).find(([s]) => s.startsWith('2'))!;
      const content = (response as ResponseObject).content;
      return status === '204' ? content !== undefined : !content || Object.keys(content).length === 0;
    });
    expect(operations(doc).length).toBeGreaterThanOrEqual(76);
    expect(missing.map((o) => o.key)).toEqual([]);
    expect(
      operations(doc)
        .filter(({ op }) => !op.summary)
        .map((o) => o.key),
    ).toEqual([]);
  });

  it('gives every operation the error body, and every $ref a component', () => {
    for (const { op } of operations(doc)) {
      expect((op.responses.default as ResponseObject).content?.['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ErrorBody',
      });
    }
    const names = Object.keys(doc.components?.schemas ?? {});
    const dangling = [...new Set(refs(doc))].filter((r) => !names.includes(r.split('/').pop()!));
    expect(dangling).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['Entry', 'EntryDetails', 'User', 'VerificationReport']));
  });

  it('describes JSON bodies, query parameters and multipart uploads from the zod schemas', () => {
    const login = op('POST /api/v1/auth/login').requestBody as {
      content: Record<string, { schema: SchemaObject }>;
    };
    expect(login.content['application/json'].schema).toMatchObject({ required: ['username', 'password'] });

    const search = op('GET /api/v1/agencies/{agencyId}/entries').parameters as ParameterObject[];
    expect(search.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['q', 'status', 'limit', 'cursor']),
    );
    expect(search.find((p) => p.name === 'status')?.schema).toMatchObject({ type: 'array' });

    const upload = op('POST /api/v1/agencies/{agencyId}/incoming').requestBody as {
      content: Record<string, { schema: SchemaObject; encoding?: object }>;
    };
    const form = upload.content['multipart/form-data'];
    expect(form.schema.required).toEqual(['file', 'metadata']);
    expect(form.schema.properties?.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(form.schema.properties?.metadata).toMatchObject({
      type: 'object',
      required: ['typeCode', 'subject', 'organName'],
    });
    expect(form.encoding).toEqual({ metadata: { contentType: 'application/json' } });
  });

  it('says which routes are public and which agency roles a route needs', () => {
    expect(doc.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(op('POST /api/v1/auth/login').security).toEqual([]);
    expect(op('GET /health').security).toEqual([]);
    expect(op('GET /api/v1/auth/me').security).toBeUndefined();
    expect(op('POST /api/v1/agencies/{agencyId}/outgoing/{entryId}/issue')).toMatchObject({
      'x-roles': ['clerk'],
    });
  });
});
