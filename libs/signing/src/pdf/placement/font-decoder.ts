import { defaultFontAdvance } from '../appearance/font-subset';
import { PdfDict, PdfName, PdfRef, PdfStream, isName, type PdfValue } from '../io/pdf-objects';
import type { PdfReader } from '../io/pdf-reader';
import { parseToUnicode } from './to-unicode-cmap';

/** One character code of a shown string, decoded. */
export interface DecodedCode {
  readonly text: string;
  /** Advance in text space units (1/1000 of the font size). */
  readonly width: number;
  /** A single-byte code 32, to which word spacing applies. */
  readonly wordSpace: boolean;
}

export interface FontDecoder {
  decode(bytes: Buffer): DecodedCode[];
}

/** A font we cannot decode (an unusual CMap); the caller falls back to pdf.js. */
export class UnsupportedFontError extends Error {}

// Windows-1252 in 0x80–0x9f; the rest of WinAnsiEncoding is latin1.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

const GLYPH_NAMES: Record<string, string> = {
  space: ' ',
  period: '.',
  comma: ',',
  colon: ':',
  semicolon: ';',
  hyphen: '-',
  slash: '/',
  parenleft: '(',
  parenright: ')',
  quotesingle: "'",
  quoteright: '\u2019',
  quoteleft: '\u2018',
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  endash: '\u2013',
  emdash: '\u2014',
  underscore: '_',
};

function glyphNameText(glyph: string): string | undefined {
  if (GLYPH_NAMES[glyph]) return GLYPH_NAMES[glyph];
  if (/^[A-Za-z]$/.test(glyph)) return glyph;
  const uni = /^uni([0-9A-Fa-f]{4})/.exec(glyph) ?? /^u([0-9A-Fa-f]{4,6})$/.exec(glyph);
  return uni ? String.fromCodePoint(parseInt(uni[1], 16)) : undefined;
}

function baseEncodingText(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return String.fromCharCode(CP1252_HIGH[code - 0x80] || code);
  return String.fromCharCode(code);
}

function toUnicodeOf(reader: PdfReader, font: PdfDict): Map<number, string> | undefined {
  const stream = reader.resolve(font.get('ToUnicode'));
  return stream instanceof PdfStream ? parseToUnicode(reader.streamData(stream)) : undefined;
}

function simpleFont(reader: PdfReader, font: PdfDict): FontDecoder {
  const toUnicode = toUnicodeOf(reader, font);
  const firstChar = reader.number(font.get('FirstChar')) ?? 0;
  const widths = (reader.array(font.get('Widths')) ?? []).map((w) => reader.number(w) ?? 0);
  const descriptor = reader.dict(font.get('FontDescriptor'));
  const missingWidth = reader.number(descriptor?.get('MissingWidth'));
  let scale = 1;
  if (isName(font.get('Subtype'), 'Type3')) {
    const matrix = reader.array(font.get('FontMatrix'));
    scale = (reader.number(matrix?.[0]) ?? 0.001) * 1000;
  }
  const differences = new Map<number, string>();
  const encoding = reader.resolve(font.get('Encoding'));
  if (encoding instanceof PdfDict) {
    let code = 0;
    for (const item of reader.array(encoding.get('Differences')) ?? []) {
      if (typeof item === 'number') code = item;
      else if (item instanceof PdfName) {
        const text = glyphNameText(item.name);
        if (text !== undefined) differences.set(code, text);
        code++;
      }
    }
  }
  const cache = new Map<number, DecodedCode>();
  const decodeOne = (code: number): DecodedCode => {
    let decoded = cache.get(code);
    if (!decoded) {
      const text = toUnicode?.get(code) ?? differences.get(code) ?? baseEncodingText(code);
      const index = code - firstChar;
      const width =
        index >= 0 && index < widths.length
          ? widths[index] * scale
          : (missingWidth ?? (text ? defaultFontAdvance(text.codePointAt(0)!) : 0));
      decoded = { text, width, wordSpace: code === 32 };
      cache.set(code, decoded);
    }
    return decoded;
  };
  return {
    decode(bytes) {
      const out: DecodedCode[] = new Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) out[i] = decodeOne(bytes[i]);
      return out;
    },
  };
}

function compositeFont(reader: PdfReader, font: PdfDict): FontDecoder {
  const encoding = reader.resolve(font.get('Encoding'));
  if (!isName(encoding, 'Identity-H') && !isName(encoding, 'Identity-V')) {
    throw new UnsupportedFontError(
      `unsupported CMap ${encoding instanceof PdfName ? encoding.name : 'stream'}`,
    );
  }
  const toUnicode = toUnicodeOf(reader, font);
  const descendant = reader.dict(reader.array(font.get('DescendantFonts'))?.[0]);
  const defaultWidth = reader.number(descendant?.get('DW')) ?? 1000;
  const widths = new Map<number, number>();
  const w = reader.array(descendant?.get('W')) ?? [];
  for (let i = 0; i < w.length;) {
    const first = reader.number(w[i]);
    const next = reader.resolve(w[i + 1]);
    if (first === undefined) break;
    if (Array.isArray(next)) {
      next.forEach((value, k) => widths.set(first + k, reader.number(value) ?? defaultWidth));
      i += 2;
    } else {
      const last = reader.number(next) ?? first;
      const value = reader.number(w[i + 2]) ?? defaultWidth;
      for (let c = first; c <= last && c - first < 0x10000; c++) widths.set(c, value);
      i += 3;
    }
  }
  const cache = new Map<number, DecodedCode>();
  return {
    decode(bytes) {
      const out: DecodedCode[] = [];
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        const code = bytes[i] * 256 + bytes[i + 1];
        let decoded = cache.get(code);
        if (!decoded) {
          decoded = {
            text: toUnicode?.get(code) ?? '',
            width: widths.get(code) ?? defaultWidth,
            wordSpace: false,
          };
          cache.set(code, decoded);
        }
        out.push(decoded);
      }
      return out;
    },
  };
}

/** The decoder of a font resource, cached by object number for the whole document. */
export function fontDecoder(
  reader: PdfReader,
  value: PdfValue | undefined,
  cache: Map<number | PdfDict, FontDecoder>,
): FontDecoder {
  const key = value instanceof PdfRef ? value.num : reader.dict(value);
  if (key === undefined) throw new UnsupportedFontError('font resource missing');
  const cached = cache.get(key);
  if (cached) return cached;
  const font = reader.dict(value)!;
  const decoder = isName(font.get('Subtype'), 'Type0')
    ? compositeFont(reader, font)
    : simpleFont(reader, font);
  cache.set(key, decoder);
  return decoder;
}
