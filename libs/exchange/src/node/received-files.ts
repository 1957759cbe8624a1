import { OPAQUE_MEDIA_TYPE, PDF_MEDIA_TYPE, storedMediaType } from '@vanthu/documents';
import type { ParsedAttachment } from '@vanthu/edxml';
import { withoutInvisibleCharacters } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';

/** A file of a received document, before its PDFs are verified. */
export interface ReceivedFile {
  readonly fileIndex: number;
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
  /** a PDF by its bytes: verified by the signing engine; the other files are kept as they came */
  readonly pdf: boolean;
}

/** The most files one received document may bring (nested packages included). */
export const MAX_RECEIVED_FILES = 500;

/**
 * Files a clerk's computer would run rather than open (programs, scripts, shortcuts, disk images)
 * and office documents with macros: a document bringing one is refused (02 with the reason), not
 * kept under a name that invites a double click.
 */
const NOT_ALLOWED = new Set([
  'exe', 'com', 'scr', 'pif', 'bat', 'cmd', 'msi', 'msp', 'dll', 'cpl', 'sys', 'drv', 'ocx',
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'ws', 'hta', 'ps1', 'psm1', 'psd1', 'reg', 'inf',
  'lnk', 'url', 'scf', 'library-ms', 'chm', 'jar', 'application', 'gadget', 'appx', 'msix',
  'iso', 'img', 'vhd', 'vhdx', 'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'sldm',
]); // prettier-ignore

/** Names of archives: an archive's name on a file that came out of it names the wrapper, not the file. */
const ARCHIVE_NAME = /\.(zip|rar|7z)$/i;

/**
 * A received document's attachments as the files of its inbox entry: PDFs first (file 0 is the
 * main document), then every other file as it came; a nested package (how national hubs wrap the
 * original) gives its own attachments in its place, and a file that came twice (the wrapper and
 * the original both carrying it) is kept once. Refused: no PDF at all (an electronic document
 * carries its signed PDF), more than MAX_RECEIVED_FILES files, a file of a kind not allowed.
 */
export function arrangeReceivedFiles(attachments: readonly ParsedAttachment[]): ReceivedFile[] {
  const seen = new Set<string>();
  const unique = unwrapNested(attachments).filter((a) => !seen.has(a.sha256) && seen.add(a.sha256));
  if (unique.length > MAX_RECEIVED_FILES)
    throw exchangeError('EXCHANGE_PACKAGE_TOO_LARGE', { files: unique.length, limit: MAX_RECEIVED_FILES });
  const pdfs = unique.filter((a) => a.detectedType === 'pdf');
  if (pdfs.length === 0) throw exchangeError('EXCHANGE_ATTACHMENT_CORRUPT', { reason: 'no PDF' });
  const others = unique.filter((a) => a.detectedType !== 'pdf');
  return [...pdfs, ...others].map((a, fileIndex) => {
    const name = nameOf(a);
    const ext = extensionOf(name);
    if (ext && NOT_ALLOWED.has(ext))
      throw exchangeError('EXCHANGE_ATTACHMENT_NOT_ALLOWED', { file: name.slice(0, 100), extension: ext });
    const pdf = a.detectedType === 'pdf';
    const type = storedMediaType(name, a.contentType);
    return {
      fileIndex,
      fileName: shorten(name, 255) || `tep-dinh-kem-${fileIndex + 1}`,
      bytes: a.bytes,
      // a PDF by its bytes is one; a file named or declared a PDF but not one is only saved
      mediaType: pdf ? PDF_MEDIA_TYPE : type === PDF_MEDIA_TYPE ? OPAQUE_MEDIA_TYPE : type,
      pdf,
    };
  });
}

/**
 * A file name as received, made safe to show and save: no control characters, no invisible
 * formatting characters (a right-to-left override turns `cod.exe` into `exe.doc` on screen).
 */
function cleanFileName(name: string): string {
  return withoutInvisibleCharacters(name)
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The attachment's name; the entry's for a file that came out of a ZIP sent under the archive's name. */
function nameOf(a: ParsedAttachment): string {
  const own = cleanFileName(a.attachmentName);
  if (a.unwrappedFrom && (!own || ARCHIVE_NAME.test(own))) {
    const entry = cleanFileName(a.unwrappedFrom.entryName.split(/[/\\]/).pop() ?? '');
    if (entry) return entry;
  }
  return own;
}

function extensionOf(name: string): string | undefined {
  return /\.([^.\s]{1,12})$/.exec(name)?.[1]?.toLowerCase();
}

/** At most `max` characters, the extension kept. */
function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const ext = /\.[^.\s]{1,12}$/.exec(name)?.[0] ?? '';
  return name.slice(0, max - ext.length) + ext;
}

/** A nested package's attachments in its place, any depth. */
function unwrapNested(attachments: readonly ParsedAttachment[]): ParsedAttachment[] {
  return attachments.flatMap((a) => (a.nested?.kind === 'edoc' ? unwrapNested(a.nested.attachments) : [a]));
}
