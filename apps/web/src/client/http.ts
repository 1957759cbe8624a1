/**
 * How the UI's calls fail and succeed: the generated client (apps/web/src/api) answers
 * `{ data, error, response }`; `unwrap` turns a refusal into an ApiError carrying the server's
 * stable code and Vietnamese message, and reports a lost session once for the whole app.
 */
import type { ApiError as ErrorBody } from '../api/client';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Called on any 401 of a logged-in call, so the app returns to the login page. */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export async function unwrap<T>(call: Promise<Answer<T>>): Promise<NonNullable<T>> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<ErrorBody> & { details?: unknown };
    if (response.status === 401 && !response.url.endsWith('/auth/login')) onUnauthorized();
    throw new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? `Máy chủ trả lỗi ${response.status}.`,
      body.details,
    );
  }
  return data as NonNullable<T>;
}

/**
 * Multipart bodies as the server reads them: files as file parts (a list as several parts of one
 * name), objects (`metadata`) as a JSON text field, other values as text; null and undefined left out.
 */
export function formData(body: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item, item instanceof File ? item.name : name);
      else form.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}
