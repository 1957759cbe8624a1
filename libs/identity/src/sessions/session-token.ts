import { createHash } from 'node:crypto';
import { newToken } from '@vanthu/shared';

export function newSessionToken(): string {
  return newToken(32);
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
