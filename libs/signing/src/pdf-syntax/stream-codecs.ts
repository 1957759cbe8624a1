import { constants, inflateSync } from 'node:zlib';

/** A stream whose data cannot be decoded: an unknown filter, corrupt data, or more than the limit. */
export class StreamDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamDecodeError';
  }
}

/**
 * No stream either reader decodes (cross-reference and object streams, DSS data, fonts' ToUnicode,
 * page content for placement, appearances) is legitimately larger; a small compressed stream that
 * inflates beyond it is a decompression bomb, refused before it takes the memory.
 */
export const MAX_DECODED_BYTES = 256 * 1024 * 1024;

/** /DecodeParms of FlateDecode, with the defaults of ISO 32000-1 table 8. */
export interface PredictorParams {
  readonly predictor: number;
  readonly colors: number;
  readonly bitsPerComponent: number;
  readonly columns: number;
}

/**
 * Applies one filter: the one decoder of the signer's reader (`pdf/io`) and the verifier's
 * (`verify/pdf-reader`), each of which only turns its own dictionary values into `name` and
 * `params`. Image-only filters (DCT, JPX, CCITT, JBIG2) are never needed for the objects we read.
 */
export function decodeFilter(
  name: string,
  data: Buffer,
  params: PredictorParams | undefined,
  maxBytes = MAX_DECODED_BYTES,
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
      return params ? unpredict(out, params) : out;
    }
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(data);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(data);
    default:
      throw new StreamDecodeError(`unsupported filter ${name}`);
  }
}

function unpredict(data: Buffer, { predictor, colors, bitsPerComponent, columns }: PredictorParams): Buffer {
  if (predictor === 1) return data;
  const bpp = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((colors * bitsPerComponent * columns) / 8);
  if (!(rowLength > 0) || !Number.isFinite(rowLength))
    throw new StreamDecodeError('bad predictor row length');
  if (predictor === 2) {
    if (bitsPerComponent !== 8)
      throw new StreamDecodeError('TIFF predictor with bits per component other than 8');
    const out = Buffer.from(data);
    for (let r = 0; r + rowLength <= out.length; r += rowLength)
      for (let i = bpp; i < rowLength; i++) out[r + i] = (out[r + i] + out[r + i - bpp]) & 0xff;
    return out;
  }
  if (predictor < 10) throw new StreamDecodeError(`unknown predictor ${predictor}`);
  // PNG predictors: every row starts with its own filter type byte
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  let prev = Buffer.alloc(rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    if (type > 4) throw new StreamDecodeError(`bad PNG predictor row type ${type}`);
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

function asciiHex(data: Buffer): Buffer {
  const text = data.toString('latin1');
  const end = text.indexOf('>');
  let hex = (end < 0 ? text : text.slice(0, end)).replace(/[^0-9a-fA-F]/g, '');
  if (hex.length % 2) hex += '0';
  return Buffer.from(hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/\s+/g, '');
  const end = text.indexOf('~>');
  const body = (end >= 0 ? text.slice(0, end) : text).replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    group.push(ch.charCodeAt(0) - 33);
    if (group.length === 5) {
      let value = 0;
      for (const g of group) value = value * 85 + g;
      out.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const g of group) value = value * 85 + g;
    const bytes = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    out.push(...bytes.slice(0, n - 1));
  }
  return Buffer.from(out);
}
