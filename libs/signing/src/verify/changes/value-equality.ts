import {
  isArray,
  isDict,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  PdfValue,
} from '../pdf-reader/pdf-values';

/** Structural equality of two PDF values; references are equal when they name the same object. */
export function pdfValuesEqual(a: PdfValue | undefined, b: PdfValue | undefined, depth = 0): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || depth > 100) return false;
  // writers re-serialize reals with fewer digits (595.303937007874 → 595.303937); that shows nothing new
  if (typeof a === 'number') return typeof b === 'number' && Math.abs(a - b) <= 1e-5;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num;
  if (a instanceof PdfName || typeof a !== 'object') return false; // names are interned; primitives compared above
  if (a instanceof PdfString) return b instanceof PdfString && a.bytes.equals(b.bytes);
  if (a instanceof PdfStream)
    return b instanceof PdfStream && a.data.equals(b.data) && dictsEqual(a.dict, b.dict, depth);
  if (isArray(a))
    return isArray(b) && a.length === b.length && a.every((x, i) => pdfValuesEqual(x, b[i], depth + 1));
  if (isDict(a)) return isDict(b) && dictsEqual(a, b, depth);
  return false;
}

function dictsEqual(a: PdfDict, b: PdfDict, depth: number): boolean {
  if (a.entries.size !== b.entries.size) return false;
  for (const [k, v] of a.entries) if (!pdfValuesEqual(v, b.entries.get(k), depth + 1)) return false;
  return true;
}

/** keys whose values differ between two dictionaries (added, removed or changed) */
export function changedKeys(a: PdfDict | undefined, b: PdfDict | undefined): string[] {
  const keys = new Set([...(a?.entries.keys() ?? []), ...(b?.entries.keys() ?? [])]);
  return [...keys].filter((k) => !pdfValuesEqual(a?.get(k), b?.get(k)));
}

export function asDict(v: PdfValue | undefined): PdfDict | undefined {
  if (v instanceof PdfStream) return v.dict;
  return isDict(v) ? v : undefined;
}
