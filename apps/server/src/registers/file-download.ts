import { withoutInvisibleCharacters } from '@vanthu/shared';
import type { Response } from 'express';

/** A file a use case produced for download. */
export interface DownloadFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** RFC 5987 attr-char: what encodeURIComponent leaves alone, minus ' ( ) * which it also leaves. */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The name without diacritics, for clients that do not read `filename*` ("Hồ sơ" → "Ho so"). */
const asciiFallback = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');

/**
 * `attachment` with the Vietnamese name as RFC 6266 / 5987 want it: an ASCII `filename` for old
 * clients and the UTF-8 `filename*`. Path separators and control characters never reach the name,
 * nor invisible formatting characters (a right-to-left override would save `cod.exe` looking like
 * `exe.doc`).
 */
export function contentDisposition(fileName: string): string {
  const safe = [...withoutInvisibleCharacters(fileName)]
    .map((c) => (/\p{Cc}/u.test(c) || c === '/' || c === '\\' ? '-' : c))
    .join('');
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

/**
 * Sends the bytes as they are. A Buffer returned from a handler would be serialised as JSON, and a
 * StreamableFile is not recognised when Jest loads Nest twice (once as ESM), so the response is
 * written here.
 */
export function sendDownload(res: Response, file: DownloadFile): void {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  res.setHeader('Content-Length', String(file.bytes.length));
  res.setHeader('Cache-Control', 'private, no-store');
  // the type said is the type meant: a browser must not guess HTML from a received attachment's bytes
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(file.bytes);
}
