import { PdfKeyword, isWhitespace, type PdfParser } from '../io/pdf-parser';

/** Moves the parser past an inline image (`BI` … `ID` data `EI`), whose data is not PDF syntax. */
export function skipInlineImage(parser: PdfParser): void {
  // Key/value pairs up to ID, then binary data up to an EI standing between whitespace.
  while (!parser.atEnd()) {
    const token = parser.parseToken();
    if (token instanceof PdfKeyword && token.keyword === 'ID') break;
  }
  const { buf } = parser;
  let p = parser.pos + 1;
  while (p < buf.length - 1) {
    if (
      buf[p] === 0x45 &&
      buf[p + 1] === 0x49 &&
      isWhitespace(buf[p - 1]) &&
      (p + 2 >= buf.length || isWhitespace(buf[p + 2]))
    ) {
      parser.pos = p + 2;
      return;
    }
    p++;
  }
  parser.pos = buf.length;
}
