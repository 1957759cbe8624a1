/**
 * Byte classes of PDF (ISO 32000-1 7.2.2), shared by the signer's and the verifier's parsers so the
 * two cannot disagree on where a token ends. Tables rather than functions: the parsers' inner loops
 * index them directly.
 */
export const PDF_WHITESPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) PDF_WHITESPACE[c] = 1;

export const PDF_DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') PDF_DELIMITER[c.charCodeAt(0)] = 1;

export const isWhitespace = (c: number): boolean => PDF_WHITESPACE[c] === 1;
