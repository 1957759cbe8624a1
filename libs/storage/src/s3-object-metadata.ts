import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_CONTENT_TYPE } from './content-type';
import type { StoredObject } from './object-storage';
import { objectCorrupted } from './storage-errors';

/*
 * How the S3 adapter records an object's checksum and size: as user metadata, i.e. the headers
 * `x-amz-meta-sha256` and `x-amz-meta-size` (minio adds the prefix to these names).
 */
export const META_SHA256 = 'sha256';
export const META_SIZE = 'size';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The user metadata to store with `stored`. */
export function metadataFor(stored: StoredObject): Record<string, string> {
  return { [META_SHA256]: stored.sha256, [META_SIZE]: String(stored.size) };
}

/**
 * What was recorded for `key`, read from the headers of a GET or HEAD; STORAGE_OBJECT_CORRUPTED when
 * the metadata is missing or disagrees with the object's actual length.
 */
export function recordedFromHeaders(key: string, headers: IncomingHttpHeaders): StoredObject {
  const sha = headers[`x-amz-meta-${META_SHA256}`];
  const size = Number(headers[`x-amz-meta-${META_SIZE}`]);
  if (typeof sha !== 'string' || !SHA256_HEX.test(sha)) throw objectCorrupted(key, 'metadata missing');
  if (!Number.isSafeInteger(size) || size < 0) throw objectCorrupted(key, 'metadata missing');
  if (Number(headers['content-length']) !== size) throw objectCorrupted(key, 'size differs from recorded');
  return { key, size, sha256: sha, contentType: headers['content-type'] ?? DEFAULT_CONTENT_TYPE };
}
