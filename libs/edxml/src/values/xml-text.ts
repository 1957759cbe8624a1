// Characters XML 1.0 does not allow at all (controls other than tab, LF, CR; lone surrogates;
// U+FFFE/U+FFFF): no well-formed file can carry them, even as character references.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Index of the first character XML 1.0 cannot carry, or -1. */
export function firstNonXmlChar(text: string): number {
  const m = NOT_XML.exec(text);
  return m ? m.index : -1;
}

/**
 * The text the builder writes: NFC (Vietnamese typed on some systems arrives decomposed, and the
 * same words must give the same bytes) with every line break as LF. U+0085, U+2028 and U+2029 are
 * line breaks too: XML parsers disagree on them (xmldom turns them into LF, libxml2 keeps them), so
 * a signed package carrying them would verify with one and not the other.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
}
