import { invalidContentType } from './storage-errors';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
// A media type with optional parameters, printable ASCII only: it ends up in an HTTP header.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;\s*[\x20-\x7e]*)?$/;

/** The content type to record: the given one if well formed, the S3 default when absent. */
export function normalizeContentType(contentType: string | undefined): string {
  if (contentType === undefined) return DEFAULT_CONTENT_TYPE;
  if (contentType.length > 255 || !CONTENT_TYPE.test(contentType)) throw invalidContentType();
  return contentType;
}
