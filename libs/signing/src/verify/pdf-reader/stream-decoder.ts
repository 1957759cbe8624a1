import { constants, inflateSync } from 'node:zlib';
import { isArray, isDict, PdfDict, PdfName, PdfStream, PdfValue } from './pdf-values';

export class StreamDecodeError extends Error {}

/** no stream the verifier decodes (cross-reference, object streams, DSS data) is legitimately larger */
const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/**
 * Decodes the filters the verifier itself needs (cross-reference and object streams, DSS data, the
 * appearance streams of unsigned signature fields): FlateDecode with PNG/TIFF predictors and
 * ASCIIHex. Page content streams are compared encoded and never decoded here.
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
    data = applyFilter(name, data, isDict(p ?? undefined) ? (p as PdfDict) : undefined, resolve, maxBytes);
  });
  return data;
}

function applyFilter(
  name: string,
  data: Buffer,
  parms: PdfDict | undefined,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
  maxBytes: number,
): Buffer {
  switch (name) {
    case 'FlateDecode':
    case 'Fl': {
      let out: Buffer;
      try {
        // Z_SYNC_FLUSH tolerates streams whose zlib trailer is missing, as many writers produce
        out = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxBytes });
      } catch (e) {
        throw new StreamDecodeError(`FlateDecode: ${(e as Error).message}`);
      }
      return parms ? unpredict(out, parms, resolve) : out;
    }
    case 'ASCIIHexDecode':
    case 'AHx': {
      const text = data.toString('latin1');
      const end = text.indexOf('>');
      let hex = (end < 0 ? text : text.slice(0, end)).replace(/[^0-9a-fA-F]/g, '');
      if (hex.length % 2) hex += '0';
      return Buffer.from(hex, 'hex');
    }
    default:
      throw new StreamDecodeError(`unsupported filter ${name}`);
  }
}

function unpredict(
  data: Buffer,
  parms: PdfDict,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): Buffer {
  const num = (k: string, d: number): number => {
    const v = resolve(parms.get(k));
    return typeof v === 'number' ? v : d;
  };
  const predictor = num('Predictor', 1);
  if (predictor === 1) return data;
  const colors = num('Colors', 1);
  const bpc = num('BitsPerComponent', 8);
  const columns = num('Columns', 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLength = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new StreamDecodeError('TIFF predictor with bits per component other than 8');
    const out = Buffer.from(data);
    for (let r = 0; r + rowLength <= out.length; r += rowLength)
      for (let i = bpp; i < rowLength; i++) out[r + i] = (out[r + i] + out[r + i - bpp]) & 0xff;
    return out;
  }
  // PNG predictors: every row starts with its own filter type byte
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  let prev = Buffer.alloc(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const row = data.subarray(r * (rowLength + 1) + 1, (r + 1) * (rowLength + 1));
    const cur = out.subarray(r * rowLength, (r + 1) * rowLength);
    for (let i = 0; i < rowLength; i++) {
      const left = i >= bpp ? cur[i - bpp] : 0;
      const up = prev[i];
      const upLeft = i >= bpp ? prev[i - bpp] : 0;
      let v = row[i];
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) v += paeth(left, up, upLeft);
      cur[i] = v & 0xff;
    }
    prev = cur;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
