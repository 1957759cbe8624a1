import { constants, inflateSync } from 'node:zlib';
import { PdfDict, PdfName, type PdfValue } from './pdf-objects';

/** A filter we do not implement; callers decide whether that is fatal. */
export class UnsupportedFilterError extends Error {
  constructor(filter: string) {
    super(`unsupported stream filter ${filter}`);
    this.name = 'UnsupportedFilterError';
  }
}

function inflate(data: Buffer): Buffer {
  // Z_SYNC_FLUSH accepts streams whose end was cut off, as PDF readers commonly must.
  return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
}

function undoPngPredictor(data: Buffer, columns: number, colors: number, bitsPerComponent: number): Buffer {
  const bpp = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((columns * colors * bitsPerComponent) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    const prev = dst - rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i];
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[prev + i] : 0;
      const upLeft = r > 0 && i >= bpp ? out[prev + i - bpp] : 0;
      let value: number;
      switch (type) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new Error(`bad PNG predictor row type ${type}`);
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/[^0-9a-fA-F>]/g, '');
  const end = text.indexOf('>');
  const hex = end >= 0 ? text.slice(0, end) : text;
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
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

function asList<T extends PdfValue>(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value as T];
}

/**
 * Decodes a stream's data through its /Filter chain. `resolve` turns indirect filter parameters into
 * values. Image-only filters (DCT, JPX, CCITT, JBIG2) are never needed for the objects we read.
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
    switch (filter) {
      case 'FlateDecode':
      case 'Fl': {
        data = inflate(data);
        if (param instanceof PdfDict) {
          const predictor = Number(resolve(param.get('Predictor')) ?? 1);
          if (predictor >= 10) {
            data = undoPngPredictor(
              data,
              Number(resolve(param.get('Columns')) ?? 1),
              Number(resolve(param.get('Colors')) ?? 1),
              Number(resolve(param.get('BitsPerComponent')) ?? 8),
            );
          } else if (predictor === 2) throw new UnsupportedFilterError('FlateDecode/TIFF predictor');
        }
        break;
      }
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data);
        break;
      default:
        throw new UnsupportedFilterError(filter);
    }
  });
  return data;
}
