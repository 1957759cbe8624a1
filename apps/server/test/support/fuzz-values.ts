/** Inputs for the API fuzz test: plausible values from an OpenAPI schema, and the bad ones to put in. */

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

/** A small seeded generator (mulberry32): the same cases on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

/** NUL (first) and other control characters, unpaired surrogates: never storable, always refused (400). */
export const CONTROL_TEXTS = ['a\u0000b', '\u0007chuông', 'x\uD800', '\uDFFFy', 'dòng\u001Bmới'];

/** Everything else a client may get wrong: types, sizes, numbers, dates, odd but valid text. */
export const OTHER_BAD_VALUES: unknown[] = [
  'x'.repeat(1_000_000),
  12345,
  -1,
  1e308,
  2 ** 53 + 1,
  1.5,
  true,
  null,
  [],
  {},
  '9999-12-31',
  '0000-01-01',
  '',
  '💥🔥 ‮ngược',
  'Ｆｕｌｌ-width',
];

export const FAR_DATE = '9999-12-31';

/** A URL component of any string, lone surrogates included (their WTF-8 bytes, as a careless client sends them). */
export function urlComponent(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) {
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(c);
    })
    .join('');
}

/** Values the test world knows, by field name: real ids so a request reaches deep into its handler. */
export type Known = Record<string, unknown>;

/**
 * A plausible value for a schema: what a correct client would send, so that one bad field at a
 * time is what the server meets.
 */
export function sample(
  schema: JsonSchema,
  resolve: (ref: string) => JsonSchema,
  known: Known,
  name = '',
): unknown {
  if (schema.$ref) return sample(resolve(schema.$ref), resolve, known, name);
  if (name in known) return known[name];
  const choice = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (choice) return sample(choice[0], resolve, known, name);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        out[key] = sample(schema.properties?.[key] ?? {}, resolve, known, key);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        sample(schema.items ?? {}, resolve, known, name),
      );
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return '7f3c2a10-5b8e-4c1d-9a2e-0b6f4d8c1e2a';
      if (schema.format === 'date') return '2026-06-15';
      if (schema.format === 'date-time') return '2026-06-15T08:00:00Z';
      if (schema.format === 'email') return 'van.thu@example.vn';
      if (schema.pattern) return 'VP1';
      return 'Văn bản thử';
    default:
      return 'Văn bản thử';
  }
}
