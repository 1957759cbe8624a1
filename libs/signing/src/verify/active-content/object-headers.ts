import { PdfParser } from '../pdf-reader/pdf-parser';

/**
 * The "num gen obj" header ending just before the keyword "obj" at `objAt`, if that is what
 * precedes it: how a scan finds the objects no cross-reference lists.
 */
export function headerBefore(buf: Buffer, objAt: number): { offset: number; num: number } | undefined {
  const after = buf[objAt + 3];
  if (after !== undefined && !PdfParser.isWhitespace(after) && !'<[(/%'.includes(String.fromCharCode(after)))
    return undefined;
  let p = objAt - 1;
  if (p < 0 || !PdfParser.isWhitespace(buf[p])) return undefined;
  while (p >= 0 && PdfParser.isWhitespace(buf[p])) p--;
  const genEnd = p + 1;
  while (p >= 0 && isDigit(buf[p])) p--;
  if (p + 1 === genEnd || p < 0 || !PdfParser.isWhitespace(buf[p])) return undefined;
  while (p >= 0 && PdfParser.isWhitespace(buf[p])) p--;
  const numEnd = p + 1;
  while (p >= 0 && isDigit(buf[p])) p--;
  if (p + 1 === numEnd || numEnd - (p + 1) > 10) return undefined;
  if (p >= 0 && !PdfParser.isWhitespace(buf[p]) && !'>])'.includes(String.fromCharCode(buf[p])))
    return undefined;
  return { offset: p + 1, num: Number(buf.toString('latin1', p + 1, numEnd)) };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
