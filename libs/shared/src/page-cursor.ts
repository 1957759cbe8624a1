import { AppException } from './app-exception';
import { isUuid } from './ids';

/** One page of a list: what every list of the API answers. `total` where counting is cheap. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** The kinds of value a keyset position holds, each checked when a cursor comes back. */
export type CursorPart = 'uuid' | 'timestamp' | 'date' | 'integer' | 'text';

const CHECKS: Record<CursorPart, (v: string) => boolean> = {
  uuid: isUuid,
  timestamp: (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  integer: (v) => /^\d{1,18}$/.test(v),
  text: (v) => v.length <= 200,
};

export function cursorInvalid(): AppException {
  return new AppException(
    'CURSOR_INVALID',
    'Con trỏ trang không hợp lệ hoặc đã cũ; hãy tải lại danh sách từ đầu.',
    400,
  );
}

/** The opaque `nextCursor` of a page: the last row's keyset position, base64url. */
export function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * A cursor back into its position, checked part by part against `shape`; anything we did not make
 * answers 400 CURSOR_INVALID (never a database error).
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[]): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  const ok =
    Array.isArray(parts) &&
    parts.length === shape.length &&
    parts.every((p, i) => typeof p === 'string' && CHECKS[shape[i]](p));
  if (!ok) throw cursorInvalid();
  return parts as string[];
}
