import { createHash } from 'node:crypto';
import type { PutObjectOptions } from './object-storage';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The SHA-256 to record for a Buffer body: the caller's (PutObjectOptions.sha256) or computed. */
export function knownSha256(body: Buffer, options: PutObjectOptions | undefined): string {
  const given = options?.sha256;
  if (given === undefined) return createHash('sha256').update(body).digest('hex');
  if (!SHA256_HEX.test(given)) throw new TypeError('sha256 must be 64 lower-case hex digits');
  return given;
}
