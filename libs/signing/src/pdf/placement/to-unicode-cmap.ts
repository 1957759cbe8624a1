import { PdfKeyword, PdfParser } from '../io/pdf-parser';
import { PdfString, type PdfValue } from '../io/pdf-objects';

function utf16be(bytes: Buffer): string {
  if (bytes.length === 1) return String.fromCharCode(bytes[0]);
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  copy.swap16();
  return copy.toString('utf16le');
}

function codeOf(bytes: Buffer): number {
  let v = 0;
  for (const b of bytes) v = v * 256 + b;
  return v;
}

/** Adds one to the last UTF-16 code unit (bfrange destinations increase that way). */
function increment(text: string, by: number): string {
  if (!text) return text;
  return text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) + by);
}

/**
 * Parses the bfchar and bfrange sections of a ToUnicode CMap into code → text. Enough for what PDF
 * producers write (LibreOffice, Word, Ghostscript, pdf-lib); codespace ranges are not needed because
 * the font type fixes the code length.
 */
export function parseToUnicode(data: Buffer): Map<number, string> {
  const map = new Map<number, string>();
  const parser = new PdfParser(data);
  const operands: PdfValue[] = [];
  let mode: 'bfchar' | 'bfrange' | undefined;
  while (!parser.atEnd()) {
    let token: PdfValue | PdfKeyword;
    try {
      token = parser.parseToken();
    } catch {
      parser.pos++;
      continue;
    }
    if (token instanceof PdfKeyword) {
      if (token.keyword === 'beginbfchar') mode = 'bfchar';
      else if (token.keyword === 'beginbfrange') mode = 'bfrange';
      else if (token.keyword === 'endbfchar' || token.keyword === 'endbfrange') mode = undefined;
      operands.length = 0;
      continue;
    }
    if (!mode) continue;
    operands.push(token);
    if (mode === 'bfchar' && operands.length === 2) {
      const [src, dst] = operands;
      if (src instanceof PdfString && dst instanceof PdfString)
        map.set(codeOf(src.bytes), utf16be(dst.bytes));
      operands.length = 0;
    } else if (mode === 'bfrange' && operands.length === 3) {
      const [lo, hi, dst] = operands;
      if (lo instanceof PdfString && hi instanceof PdfString) {
        const from = codeOf(lo.bytes);
        const to = Math.min(codeOf(hi.bytes), from + 0xffff);
        if (dst instanceof PdfString) {
          const start = utf16be(dst.bytes);
          for (let code = from; code <= to; code++) map.set(code, increment(start, code - from));
        } else if (Array.isArray(dst)) {
          dst.forEach((item, i) => {
            if (item instanceof PdfString && from + i <= to) map.set(from + i, utf16be(item.bytes));
          });
        }
      }
      operands.length = 0;
    }
  }
  return map;
}
