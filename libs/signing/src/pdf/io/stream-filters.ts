import { decodeFilter, type PredictorParams } from '../../pdf-syntax/stream-codecs';
import { PdfDict, PdfName, type PdfValue } from './pdf-objects';

function asList(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Decodes a stream's data through its /Filter chain with the filters (and the output limit) the
 * verifier uses. `resolve` turns indirect filter parameters into values. Throws StreamDecodeError
 * for a filter we do not implement or data that does not decode.
 */
export function decodeStreamData(
  dictionary: PdfDict,
  raw: Buffer,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): Buffer {
  const filters = asList(resolve(dictionary.get('Filter')));
  const params = asList(resolve(dictionary.get('DecodeParms')));
  let data = raw;
  filters.forEach((filterValue, index) => {
    const filter = filterValue instanceof PdfName ? filterValue.name : String(filterValue);
    const param = resolve(params[index]);
    data = decodeFilter(filter, data, param instanceof PdfDict ? predictorParams(param, resolve) : undefined);
  });
  return data;
}

function predictorParams(
  param: PdfDict,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): PredictorParams {
  const num = (key: string, fallback: number): number => {
    const value = resolve(param.get(key));
    return typeof value === 'number' ? value : fallback;
  };
  return {
    predictor: num('Predictor', 1),
    colors: num('Colors', 1),
    bitsPerComponent: num('BitsPerComponent', 8),
    columns: num('Columns', 1),
  };
}
