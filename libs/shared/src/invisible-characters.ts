/**
 * Invisible formatting characters (Unicode Cf: bidirectional overrides and isolates, zero-width
 * characters, the soft hyphen) and the line and paragraph separators. In a file name they can make
 * the name shown differ from the name saved: a right-to-left override shows `cod.exe` as `exe.doc`.
 */
const INVISIBLE = /[\p{Cf}\u2028\u2029]/gu;

/** The text without invisible formatting characters (a file name as it will be shown and saved). */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}
