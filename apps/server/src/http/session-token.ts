import type { Request } from 'express';

export const SESSION_COOKIE = 'vanthu_session';

/** How a request carries its session: a bearer token (API clients) or the httpOnly cookie (browser). */
export interface SessionCredential {
  token: string;
  via: 'bearer' | 'cookie';
}

export function sessionCredentialOf(request: Request): SessionCredential | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
  const cookie = cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}
