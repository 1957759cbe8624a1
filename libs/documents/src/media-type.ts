/** What every version was before received documents kept their other attachments. */
export const PDF_MEDIA_TYPE = 'application/pdf';
/** A file whose type we do not serve as such: the browser only offers to save it. */
export const OPAQUE_MEDIA_TYPE = 'application/octet-stream';

/**
 * The types a stored file may be served as, by extension: office documents, text, images and
 * archives that agencies attach to documents. Nothing a browser would run or render as a page
 * (HTML, SVG, XML, scripts) is here: an attachment from another system is someone else's bytes
 * served from our origin.
 */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: PDF_MEDIA_TYPE,
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
};
const ALLOWED = new Set(Object.values(BY_EXTENSION));

/** Every type a stored file may be served as (the API lists them). */
export const SERVED_MEDIA_TYPES: readonly string[] = [...ALLOWED, OPAQUE_MEDIA_TYPE];

/**
 * The media type a file is stored and served as: by its name's extension when that is a known
 * one, else by the type it was declared with when that is allowed, else application/octet-stream.
 * Declared types from other systems are often wrong (domain.md §4), the extension is what the
 * clerk's computer will open the file by.
 */
export function storedMediaType(fileName: string, declared?: string | null): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  const type = (declared ?? '').split(';')[0].trim().toLowerCase();
  return ALLOWED.has(type) ? type : OPAQUE_MEDIA_TYPE;
}
