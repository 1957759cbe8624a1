import { randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** An opaque, URL-safe secret with `bytes` bytes of entropy (session tokens, error ids). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A request id for logs and audit rows: unique, not secret. From Node's buffered UUIDs, so it costs
 * no call into the system's random source per request as newToken does.
 */
export function newRequestId(): string {
  return randomUUID().replaceAll('-', '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
