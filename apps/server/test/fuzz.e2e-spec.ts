import request from 'supertest';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import {
  CONTROL_TEXTS,
  FAR_DATE,
  type JsonSchema,
  OTHER_BAD_VALUES,
  pick,
  sample,
  seeded,
  urlComponent,
} from './support/fuzz-values';
import { buildFuzzWorld, type FuzzWorld } from './support/fuzz-world';
import { differences, snapshotter, type WorldSnapshot } from './support/world-snapshot';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}
/** Where a bad value goes: a path or query parameter, a JSON body field, a form field, a field of the form's JSON. */
interface Slot {
  where: 'path' | 'query' | 'body' | 'form' | 'json';
  name: string;
  schema: JsonSchema;
}
interface Case {
  slot?: Slot;
  value?: unknown;
  /** A whole-request mistake instead: an unknown field, or a body that is not an object. */
  shape?: 'unknown-field' | 'not-an-object';
}

const ENGLISH = /Invalid|[Ee]xpected|Too (big|small)|Unrecognized|Required/;
/** Cases per operation beside one control-character case per field: bounded, seeded, the same each run. */
const OTHER_CASES_PER_OPERATION = 10;

/**
 * Issue 14 §2: every route of the OpenAPI document, fed NUL and other control characters, unpaired
 * surrogates, 1 MB strings, wrong types, huge numbers, far dates and unknown fields, one at a time
 * into requests that are otherwise what a correct client sends (as a user with every role, so they
 * reach the handlers). Never a 5xx; after every refusal the database (each table's rows) and the
 * object store are exactly as before.
 */
describe('API fuzz: every route answers bad input with a 4xx and a refusal changes nothing', () => {
  let server: TestServer;
  let world: FuzzWorld;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  let snapshot: () => Promise<WorldSnapshot>;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildFuzzWorld(server);
    document = (await request(server.url).get('/api/docs/openapi.json').expect(200)).body;
    snapshot = await snapshotter(server.db.dataSource, server.dataDir);
  }, 300_000);
  afterAll(() => server?.close());

  const resolve = (ref: string) => document.components.schemas[ref.split('/').pop()!];
  const deref = (s: JsonSchema): JsonSchema => (s.$ref ? deref(resolve(s.$ref)) : s);

  function slotsOf(op: Operation): { slots: Slot[]; form: boolean; bodySchema?: JsonSchema } {
    const slots: Slot[] = (op.parameters ?? [])
      .filter((p) => p.in === 'path' || p.in === 'query')
      .map((p) => ({ where: p.in as 'path' | 'query', name: p.name, schema: p.schema }));
    const content = op.requestBody?.content ?? {};
    const json = content['application/json']?.schema;
    const form = !json ? content['multipart/form-data']?.schema : undefined;
    const body = deref(json ?? form ?? {});
    for (const [name, schema] of Object.entries(body.properties ?? {})) {
      const field = deref(schema);
      if (field.format === 'binary' || field.items?.format === 'binary') continue;
      slots.push({ where: form ? 'form' : 'body', name, schema: field });
      if (form && field.type === 'object') {
        for (const [inner, s] of Object.entries(field.properties ?? {})) {
          slots.push({ where: 'json', name: `${name}.${inner}`, schema: deref(s) });
        }
      }
    }
    return { slots, form: Boolean(form), bodySchema: json || form ? body : undefined };
  }

  function casesOf(slots: Slot[], hasBody: boolean, seed: number): Case[] {
    const random = seeded(seed);
    // NUL in every field, and one other control character or lone surrogate
    const control = slots.flatMap((slot) => [
      { slot, value: CONTROL_TEXTS[0] },
      { slot, value: pick(random, CONTROL_TEXTS.slice(1), 1)[0] },
    ]);
    const others = slots.flatMap((slot) => OTHER_BAD_VALUES.map((value) => ({ slot, value })));
    const shapes: Case[] = hasBody ? [{ shape: 'unknown-field' }, { shape: 'not-an-object' }] : [];
    return [{}, ...control, ...pick(random, others, OTHER_CASES_PER_OPERATION), ...shapes];
  }

  const same = (a: Slot | undefined, b: Slot) => a?.where === b.where && a.name === b.name;

  function asText(value: unknown): string {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  }

  async function send(method: string, path: string, op: Operation, c: Case, token: string) {
    const { slots, form, bodySchema } = slotsOf(op);
    const valueOf = (s: Slot) => (same(c.slot, s) ? c.value : sample(s.schema, resolve, world.known, s.name));
    let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const slot = slots.find((s) => s.where === 'path' && s.name === name)!;
      return same(c.slot, slot) ? urlComponent(asText(c.value)) : world.pathValue(path, name);
    });
    const query = slots
      .filter(
        (s) =>
          s.where === 'query' &&
          (same(c.slot, s) || (op.parameters ?? []).find((p) => p.name === s.name)?.required),
      )
      .map((s) => `${s.name}=${urlComponent(asText(valueOf(s)))}`);
    if (c.shape === 'unknown-field' && !bodySchema) query.push('khongCo=1');
    if (query.length > 0) url += `?${query.join('&')}`;
    const req = request(server.url)[method as 'get'](url);
    if (op.security?.length !== 0) req.set('Authorization', `Bearer ${token}`);
    if (!bodySchema) return req;
    const body = sample(bodySchema, resolve, world.known) as Record<string, unknown>;
    for (const s of slots.filter((s) => s.where === 'body' || s.where === 'form')) {
      if (same(c.slot, s)) body[s.name] = c.value;
    }
    if (c.slot?.where === 'json') {
      const [field, inner] = c.slot.name.split('.');
      body[field] = { ...(body[field] as object), [inner]: c.value };
    }
    if (c.shape === 'unknown-field') body.khongCo = 1;
    if (!form) return req.send(c.shape === 'not-an-object' ? ['không', 'phải', 'đối tượng'] : body);
    for (const [name, schema] of Object.entries(bodySchema.properties ?? {})) {
      const field = deref(schema);
      if (field.format === 'binary' || field.items?.format === 'binary')
        req.attach(name, world.pdf, 'van-ban.pdf');
      else if (name in body && body[name] !== undefined) req.field(name, asText(body[name]));
    }
    return c.shape === 'unknown-field' ? req.field('khongCo', '1') : req;
  }

  it('covers every operation: no 5xx, refusals leave the database and the object store as they were', async () => {
    const problems: string[] = [];
    let requests = 0;
    let operations = 0;
    let before = await snapshot();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations += 1;
        const { slots, bodySchema } = slotsOf(op);
        const seed = [...`${method} ${path}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
        for (const c of casesOf(slots, Boolean(bodySchema), seed)) {
          // a logout refused or not must not end the session the other requests use
          let token = world.token;
          if (path === '/api/v1/auth/logout') {
            token = (
              await request(server.url)
                .post('/api/v1/auth/login')
                .send({ username: 'fuzz.all', password: 'Matkhau-test-2026' })
            ).body.token;
            before = await snapshot();
          }
          const res = await send(method, path, op, c, token);
          requests += 1;
          const label = `${method.toUpperCase()} ${path} ${c.slot ? `${c.slot.where}:${c.slot.name}=${asText(c.value).slice(0, 24)}` : (c.shape ?? 'plausible')}`;
          const after = await snapshot();
          if (res.status >= 500) problems.push(`${label} → ${res.status} ${JSON.stringify(res.body)}`);
          // a failed login is counted by design (lockout); everything else refused must leave no trace
          const countedByDesign = path === '/api/v1/auth/login' && res.status === 401;
          if (res.status >= 400 && !countedByDesign) {
            for (const d of differences(before, after)) problems.push(`${label} → ${res.status} but ${d}`);
          }
          const textSlot = c.slot && CONTROL_TEXTS.includes(c.value as string);
          // a lone surrogate in a URL or a form field arrives as U+FFFD (WTF-8 or UTF-8 on the wire); a JSON escape keeps it
          const survivesTransport =
            c.slot?.where === 'json' || c.slot?.where === 'body' || !/[\uD800-\uDFFF]/.test(asText(c.value));
          if (
            textSlot &&
            survivesTransport &&
            (res.status !== 400 ||
              res.body.code !== 'TEXT_INVALID_CHARACTERS' ||
              res.body.details?.field !== c.slot!.name)
          ) {
            problems.push(
              `${label} → ${res.status} ${res.body.code} ${JSON.stringify(res.body.details)}: expected TEXT_INVALID_CHARACTERS naming ${c.slot!.name}`,
            );
          }
          if (res.body?.code === 'VALIDATION_FAILED') {
            for (const i of res.body.details.issues)
              if (ENGLISH.test(i.message)) problems.push(`${label}: English detail "${i.message}"`);
          }
          if (c.value === FAR_DATE && c.slot?.schema.format === 'date' && c.slot.where !== 'path') {
            const codes = (res.body?.details?.issues ?? []).map((i: { code: string }) => i.code);
            if (!codes.includes('DATE_OUT_OF_RANGE'))
              problems.push(`${label} → ${res.status}: expected DATE_OUT_OF_RANGE`);
          }
          before = after;
        }
      }
    }
    expect(operations).toBe(
      Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0),
    );
    expect(operations).toBeGreaterThanOrEqual(76);
    expect(requests).toBeGreaterThan(operations * 5);
    expect(problems).toEqual([]);
  }, 900_000);
});
