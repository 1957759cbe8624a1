import type { Request } from 'express';

export const SESSION_COOKIE = 'vanthu_session';

/** The session token from `Authorization: Bearer …` (API clients) or the httpOnly cookie (browser). */
export function sessionTokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = (request as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE];
}
