import { decodeFilter, MAX_DECODED_BYTES, type PredictorParams } from '../../pdf-syntax/stream-codecs';
import { isArray, isDict, PdfDict, PdfName, PdfStream, PdfValue } from './pdf-values';

/**
 * Decodes a stream the verifier itself needs (cross-reference and object streams, DSS data, the
 * appearance streams of unsigned signature fields) through the filters shared with the signer's
 * reader, refusing more than `maxBytes` of output. Page content streams are compared encoded and
 * never decoded here.
 */
export function decodeStream(
  stream: PdfStream,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
  maxBytes = MAX_DECODED_BYTES,
): Buffer {
  const filter = resolve(stream.dict.get('Filter'));
  const parms = resolve(stream.dict.get('DecodeParms'));
  const filters = isArray(filter) ? filter.map((f) => resolve(f)) : filter ? [filter] : [];
  const parmList = isArray(parms) ? parms.map((p) => resolve(p)) : [parms];
  let data = stream.data;
  filters.forEach((f, i) => {
    const name = f instanceof PdfName ? f.name : '';
    const p = parmList[i];
    const params = isDict(p ?? undefined) ? predictorParams(p as PdfDict, resolve) : undefined;
    data = decodeFilter(name, data, params, maxBytes);
  });
  return data;
}

function predictorParams(
  parms: PdfDict,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): PredictorParams {
  const num = (k: string, d: number): number => {
    const v = resolve(parms.get(k));
    return typeof v === 'number' ? v : d;
  };
  return {
    predictor: num('Predictor', 1),
    colors: num('Colors', 1),
    bitsPerComponent: num('BitsPerComponent', 8),
    columns: num('Columns', 1),
  };
}
