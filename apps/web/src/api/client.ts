import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths } from './schema';

/** The typed API client: paths, parameters, bodies and answers come from the server's OpenAPI document. */
export type ApiClient = Client<paths>;

/** Every refusal: `{ code, message, errorId, details? }` (code in English, message in Vietnamese). */
export type ApiError = components['schemas']['ErrorBody'];

export interface ApiClientOptions {
  /** Where the API is; '' (the default) is the page's own origin, as the web UI is served. */
  baseUrl?: string;
  /** A session token for clients that are not a browser (a browser sends its httpOnly cookie). */
  token?: string;
  /** Another fetch (tests, server-side rendering). */
  fetch?: typeof globalThis.fetch;
}

function bearer(token: string): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token) client.use(bearer(options.token));
  return client;
}

/**
 * Body serializer for the multipart routes (`bodySerializer: multipart`): files and Blobs become
 * file parts (a list becomes several parts of one name), objects become JSON parts (`metadata`),
 * anything else its text; null and undefined fields are left out.
 */
export function multipart(body: unknown): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) && value.every((v) => v instanceof Blob) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(name, item, item instanceof File ? item.name : name);
      else if (typeof item === 'object') {
        form.append(name, new Blob([JSON.stringify(item)], { type: 'application/json' }));
      } else form.append(name, String(item));
    }
  }
  return form;
}
