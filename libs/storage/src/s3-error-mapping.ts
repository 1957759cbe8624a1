import { isAppException } from '@vanthu/shared';
import { objectNotFound, storageUnavailable } from './storage-errors';

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound']);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'NoSuchBucket',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
]);

/**
 * Turns an error from the minio client into ours: a missing object becomes STORAGE_OBJECT_NOT_FOUND
 * (when `key` is given), an unreachable or misconfigured server STORAGE_UNAVAILABLE; anything else
 * is passed on unchanged. Only the error code is kept: messages may name the endpoint.
 */
export function mapS3Error(error: unknown, key?: string): unknown {
  if (isAppException(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (key !== undefined && NOT_FOUND.has(code)) return objectNotFound(key);
  if (UNREACHABLE.has(code)) return storageUnavailable(code);
  return error;
}
