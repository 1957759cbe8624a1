import { PdfString } from './pdf-objects';

// PDFDocEncoding differs from latin1 only in 0x18–0x1f and 0x80–0xa0; those are rare in names and
// are decoded here through the table of the PDF specification (Annex D).
const PDF_DOC_HIGH: Record<number, number> = {
  0x80: 0x2022,
  0x81: 0x2020,
  0x82: 0x2021,
  0x83: 0x2026,
  0x84: 0x2014,
  0x85: 0x2013,
  0x86: 0x0192,
  0x87: 0x2044,
  0x88: 0x2039,
  0x89: 0x203a,
  0x8a: 0x2212,
  0x8b: 0x2030,
  0x8c: 0x201e,
  0x8d: 0x201c,
  0x8e: 0x201d,
  0x8f: 0x2018,
  0x90: 0x2019,
  0x91: 0x201a,
  0x92: 0x2122,
  0x93: 0xfb01,
  0x94: 0xfb02,
  0x95: 0x0141,
  0x96: 0x0152,
  0x97: 0x0160,
  0x98: 0x0178,
  0x99: 0x017d,
  0x9a: 0x0131,
  0x9b: 0x0142,
  0x9c: 0x0153,
  0x9d: 0x0161,
  0x9e: 0x017e,
  0xa0: 0x20ac,
};

/** Decodes a PDF text string (UTF-16BE or UTF-8 with BOM, else PDFDocEncoding). */
export function decodeTextString(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  let out = '';
  for (const b of bytes) out += String.fromCharCode(PDF_DOC_HIGH[b] ?? b);
  return out;
}

/** Encodes a text string: plain ASCII stays readable, anything else goes UTF-16BE with a BOM. */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
  const utf16 = Buffer.from(text, 'utf16le');
  utf16.swap16();
  return new PdfString(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]), true);
}

/** Vietnam has used UTC+7 all year since 1975; no daylight saving. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

function vietnamParts(at: Date): string[] {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return [
    String(local.getUTCFullYear()).padStart(4, '0'),
    two(local.getUTCMonth() + 1),
    two(local.getUTCDate()),
    two(local.getUTCHours()),
    two(local.getUTCMinutes()),
    two(local.getUTCSeconds()),
  ];
}

/** A PDF date in Vietnam time, e.g. `D:20261125093000+07'00'` (for /M). */
export function pdfDateVietnam(at: Date): string {
  const [y, mo, d, h, mi, s] = vietnamParts(at);
  return `D:${y}${mo}${d}${h}${mi}${s}+07'00'`;
}

/** ISO 8601 in Vietnam time with its offset, e.g. `2026-11-25T09:30:00+07:00`. */
export function isoVietnam(at: Date): string {
  const [y, mo, d, h, mi, s] = vietnamParts(at);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
}

/** The calendar date in Vietnam: [year, month 1–12, day]. */
export function vietnamDate(at: Date): [number, number, number] {
  const [y, mo, d] = vietnamParts(at);
  return [Number(y), Number(mo), Number(d)];
}
