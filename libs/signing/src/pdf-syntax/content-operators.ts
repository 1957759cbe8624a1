/**
 * Content-stream operators that put marks on a page, shared by the signer's placement (which must
 * know where a page is already painted, and whether by fill or stroke) and the verifier's change
 * analysis (which must know whether an appearance paints anything at all).
 */

/** Path-painting operators (ISO 32000-1 table 60): whether each fills and whether it strokes. */
export const PATH_PAINTING: Readonly<Record<string, readonly [fill: boolean, stroke: boolean]>> = {
  S: [false, true],
  s: [false, true],
  f: [true, false],
  F: [true, false],
  'f*': [true, false],
  B: [true, true],
  'B*': [true, true],
  b: [true, true],
  'b*': [true, true],
};

/**
 * Every operator that marks the page (tables 60, 77, 87, 92, 107): painting paths, shadings,
 * XObjects, showing text and inline images. Everything else sets state, builds or clips a path
 * without painting it (`n`), or marks content.
 */
export const MARKING_OPERATORS: ReadonlySet<string> = new Set([
  ...Object.keys(PATH_PAINTING),
  'sh',
  'Do',
  'Tj',
  'TJ',
  "'",
  '"',
  'BI',
  'ID',
  'EI',
]);
