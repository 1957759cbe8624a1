import { AppException } from '@vanthu/shared';

/** Half of a UTF-16 surrogate pair without its other half (not encodable as UTF-8). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 and C1 control characters and DEL; in text bodies TAB, LF and CR stay allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is what these are for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Deeper JSON than any request of ours; beyond it the walk stops (the schema refuses such bodies). */
const MAX_DEPTH = 32;

/**
 * Where a value is read from: `line` text (path parameters, query strings, headers, file names) may
 * hold no control character at all; `text` (JSON and form fields: notes, instructions, places) may
 * hold TAB, LF and CR.
 */
export type TextKind = 'line' | 'text';

export function textInvalid(field: string): AppException {
  return new AppException(
    'TEXT_INVALID_CHARACTERS',
    `Trường "${field}" chứa ký tự không hợp lệ (ký tự điều khiển hoặc ký tự Unicode lỗi). Hãy xóa ký tự đó và gửi lại.`,
    400,
    { field },
  );
}

function badString(text: string, kind: TextKind): boolean {
  return (kind === 'line' ? CONTROL : CONTROL_EXCEPT_WHITESPACE).test(text) || LONE_SURROGATE.test(text);
}

/**
 * The path of the first string (or object key) in `value` holding a control character or an
 * unpaired surrogate, or undefined. Such text cannot be stored (PostgreSQL refuses NUL; a lone
 * surrogate is silently changed to U+FFFD on the way), so every request is checked with this rule
 * before anything reads it: SafeTextGuard for the URL, the headers and JSON bodies, the validation
 * pipe for multipart fields, file names and JSON parsed from a field.
 */
export function unsafeTextAt(value: unknown, path: string, kind: TextKind, depth = 0): string | undefined {
  if (typeof value === 'string') return badString(value, kind) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Buffer.isBuffer(value) || value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeTextAt(value[i], `${path}[${i}]`, kind, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (badString(key, 'line')) return path || 'body';
    const found = unsafeTextAt(v, at, kind, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function assertSafeText(value: unknown, path: string, kind: TextKind): void {
  const found = unsafeTextAt(value, path, kind);
  if (found !== undefined) throw textInvalid(found || path || 'body');
}
