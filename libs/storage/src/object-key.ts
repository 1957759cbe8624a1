import { invalidObjectKey } from './storage-errors';

export const MAX_OBJECT_KEY_LENGTH = 512;
// Keeps one key segment within a file name on every common filesystem (NAME_MAX is 255 bytes).
export const MAX_OBJECT_KEY_SEGMENT_LENGTH = 200;
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Throws STORAGE_KEY_INVALID unless `key` is a relative path of `[A-Za-z0-9._-]` segments separated
 * by single `/`. The alphabet is what S3, MinIO and every filesystem accept unescaped, so a key means
 * the same thing on every adapter; `.` and `..` segments are refused so no key can leave its root.
 */
export function assertValidObjectKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw invalidObjectKey(key, 'empty');
  if (key.length > MAX_OBJECT_KEY_LENGTH) throw invalidObjectKey(key, 'too long');
  for (const segment of key.split('/')) {
    if (segment.length === 0) throw invalidObjectKey(key, 'empty segment');
    if (segment === '.' || segment === '..') throw invalidObjectKey(key, 'relative segment');
    if (segment.length > MAX_OBJECT_KEY_SEGMENT_LENGTH) throw invalidObjectKey(key, 'segment too long');
    if (!SEGMENT.test(segment)) throw invalidObjectKey(key, 'character not allowed');
  }
}
