import { PdfParser } from '../pdf-reader/pdf-parser';

/**
 * Operators that put marks on the page (ISO 32000-1 tables 60, 77, 107, 87, 92): stroking and
 * filling paths, shadings, XObjects, text and inline images. Everything else sets state, builds or
 * clips a path without painting it (`n`), or marks content.
 */
const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do']);
const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const INLINE_IMAGE = new Set(['BI', 'ID', 'EI']);

/** bytes that start an operand rather than an operator: / ( < [ digits + - . */
function startsOperand(c: number): boolean {
  return (
    c === 0x2f ||
    c === 0x28 ||
    c === 0x3c ||
    c === 0x5b ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e
  );
}

/**
 * False only when a content stream certainly paints nothing: comments ("% DSBlank", as Acrobat
 * writes for an empty signature field), graphics state, unpainted paths, marked content. Anything it
 * cannot read (a stray delimiter, a syntax error) counts as painting, because the question is asked
 * of appearances an attacker wrote.
 */
export function contentPaints(data: Buffer): boolean {
  const p = new PdfParser(data, 0, false);
  try {
    for (;;) {
      p.skipWhitespace();
      if (p.pos >= data.length) return false;
      if (startsOperand(data[p.pos])) {
        p.parseValue();
        continue;
      }
      const op = p.readToken();
      if (op === '' || PAINTING.has(op) || TEXT_SHOWING.has(op) || INLINE_IMAGE.has(op)) return true;
    }
  } catch {
    return true;
  }
}
