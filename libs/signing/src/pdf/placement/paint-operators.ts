import type { PdfValue } from '../io/pdf-objects';
import type { PdfKeyword } from '../io/pdf-parser';

/** Path-painting operators: whether each fills and whether it strokes. */
export const PAINT: Record<string, [fill: boolean, stroke: boolean]> = {
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

/** Whether colour operands (gray, RGB or CMYK by their count) are white; a pattern name is not. */
export function isWhite(operands: readonly (PdfValue | PdfKeyword)[]): boolean {
  const values = operands.filter((v): v is number => typeof v === 'number');
  if (values.length !== operands.length) return false;
  if (values.length === 4) return values.every((v) => v <= 0);
  return (values.length === 1 || values.length === 3) && values.every((v) => v >= 1);
}
