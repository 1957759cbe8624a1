import { edxmlError } from '../edxml.errors';
import { EDXML_NS } from '../model/edxml-names';
import { isZip } from './zip-unwrap';

/** What an attachment's bytes are, by their first bytes (declared types in the wild cannot be trusted). */
export type DetectedType = 'pdf' | 'edxml' | 'zip' | 'xml' | 'other';

export function detectType(bytes: Buffer): DetectedType {
  if (isZip(bytes)) return 'zip';
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  const head = bytes
    .toString('utf8', 0, Math.min(bytes.length, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) return head.includes(EDXML_NS) ? 'edxml' : 'xml';
  return 'other';
}

/** The type a declaration (ContentType, or the name's extension) claims, in the same terms. */
export function declaredType(
  contentType: string | undefined,
  name: string | undefined,
): DetectedType | undefined {
  const type = (contentType ?? '').toLowerCase();
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (type.includes('pdf') || (!type && ext === 'pdf')) return 'pdf';
  if (type.includes('zip') || (!type && ext === 'zip')) return 'zip';
  if (ext === 'edxml') return 'edxml';
  if (type.endsWith('/xml') || ext === 'xml') return 'xml';
  return type || ext ? 'other' : undefined;
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/**
 * A PDF is refused (EDXML_ATTACHMENT_CORRUPT) when its bytes were once decoded as text and encoded
 * again, which turns every byte sequence that is not UTF-8 into U+FFFD (EF BF BD): a PDF's binary
 * parts are then full of them (at least 16, one per 16 KiB), while a real PDF holds one by chance
 * every 16 MB; and the binary comment after the header is the first thing it hits. Also refused: no
 * `%%EOF` at the end (truncated).
 */
export function checkPdf(bytes: Buffer, where: Record<string, unknown>): void {
  const needed = Math.max(16, Math.ceil(bytes.length / (16 * 1024)));
  let replacements = 0;
  for (
    let i = bytes.indexOf(REPLACEMENT);
    i >= 0 && replacements < needed;
    i = bytes.indexOf(REPLACEMENT, i + 3)
  )
    replacements++;
  // the binary comment of the header line (`%âãÏÓ`) turned into U+FFFD is the other tell-tale
  const header = bytes.subarray(0, 64);
  if (replacements >= needed || header.includes(Buffer.concat([Buffer.from('%'), REPLACEMENT])))
    throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'pdf-bytes-replaced-by-U+FFFD' });
  const tail = bytes.subarray(Math.max(0, bytes.length - 8192));
  if (!tail.includes('%%EOF'))
    throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'pdf-truncated' });
}
