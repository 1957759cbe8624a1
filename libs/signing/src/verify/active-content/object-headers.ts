import { PdfParser } from '../pdf-reader/pdf-parser';
import type { PdfStream, PdfValue } from '../pdf-reader/pdf-values';
import { decodeStream } from '../pdf-reader/stream-decoder';

/**
 * Object headers read from bytes rather than from a cross-reference: for the objects a scan must
 * judge although no cross-reference section lists them.
 */

/** the object numbers an object stream's header declares, in order */
export function objectStreamNumbers(
  stream: PdfStream,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): number[] {
  const n = resolve(stream.dict.get('N'));
  const data = decodeStream(stream, resolve);
  const p = new PdfParser(data, 0, false);
  const numbers: number[] = [];
  for (let i = 0; typeof n === 'number' && i < n; i++) {
    numbers.push(p.readInteger());
    p.readInteger();
  }
  return numbers;
}

/** "num gen obj" ending just before `objAt`, starting a token, if that is what precedes it */
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
