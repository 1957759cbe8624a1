import { deflateSync } from 'node:zlib';
import type { Font } from '@pdf-lib/fontkit';
import {
  encodeFontSubset,
  hex4,
  subsetFontName,
  subsetTag,
  toUnicodeCMap,
} from '../../fonts/subset-font-parts';
import { loadTinos } from '../../fonts/tinos';
import type { IncrementalUpdate } from '../io/incremental-update';
import { PdfStream, PdfString, dict, name, type PdfRef } from '../io/pdf-objects';

const loadDefaultFont = (): Font => loadTinos('regular');

/** Advance width of a character in the default font, in 1/1000 em (for fonts that lack /Widths). */
export function defaultFontAdvance(codePoint: number): number {
  const font = loadDefaultFont();
  return (font.glyphForCodePoint(codePoint).advanceWidth * 1000) / font.unitsPerEm;
}

/** A subset of the font holding the glyphs of some texts, ready to embed (CIDs = subset glyph ids). */
export interface FontSubset {
  /** Hex glyph codes for a Tj operand (Identity-H, two bytes per glyph). */
  encode(text: string): string;
  /** Advance width of the text at `size` points. */
  widthOf(text: string, size: number): number;
  /** Ascent and descent (negative) in 1/1000 em. */
  readonly ascent: number;
  readonly descent: number;
  /** Adds the Type0 font and its parts to the update. */
  write(update: IncrementalUpdate): PdfRef;
}

interface SubsetData {
  readonly gidMap: Map<number, number>;
  readonly widths: number[];
  readonly fontFile: Buffer;
  readonly fontFileLength: number;
  readonly toUnicode: Buffer;
  readonly baseFont: string;
}

// Digits and the punctuation of numbers, dates and times are always included, so the subsets of
// different documents (other numbers, other dates) are the same bytes and come from the cache.
const BASE_CHARACTERS = '0123456789/-:.,+ ';
const CACHE_SIZE = 32;
const cache = new Map<string, Promise<SubsetData>>();

async function buildSubset(font: Font, codePoints: number[]): Promise<SubsetData> {
  const subset = font.createSubset();
  const gidMap = new Map<number, number>();
  const widths: number[] = [];
  const unicode: [number, string][] = [];
  const scale = 1000 / font.unitsPerEm;
  for (const codePoint of codePoints) {
    const glyph = font.glyphForCodePoint(codePoint);
    if (gidMap.has(glyph.id)) continue;
    const newId = subset.includeGlyph(glyph);
    gidMap.set(glyph.id, newId);
    widths[newId] = Math.round(glyph.advanceWidth * scale);
    if (glyph.id !== 0) unicode.push([newId, String.fromCodePoint(codePoint)]);
  }
  const fontFile = await encodeFontSubset(subset);
  return {
    gidMap,
    widths,
    fontFile: deflateSync(fontFile),
    fontFileLength: fontFile.length,
    toUnicode: deflateSync(toUnicodeCMap(unicode.sort((a, b) => a[0] - b[0]))),
    baseFont: subsetFontName(subsetTag(codePoints.join(',')), font.postscriptName ?? 'Tinos-Regular'),
  };
}

/** Builds (or takes from the cache) the subset covering every character of `texts`. */
export async function prepareFontSubset(texts: readonly string[]): Promise<FontSubset> {
  const font = loadDefaultFont();
  const chars = new Set<number>();
  for (const text of [BASE_CHARACTERS, ...texts])
    for (const ch of text.normalize('NFC')) chars.add(ch.codePointAt(0)!);
  const codePoints = [...chars].sort((a, b) => a - b);
  const key = codePoints.join(',');
  let pending = cache.get(key);
  if (!pending) {
    pending = buildSubset(font, codePoints);
    cache.set(key, pending);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    pending.catch(() => cache.delete(key));
  }
  const data = await pending;
  const scale = 1000 / font.unitsPerEm;
  const glyphIds = (text: string): number[] =>
    [...text.normalize('NFC')].map(
      (ch) => data.gidMap.get(font.glyphForCodePoint(ch.codePointAt(0)!).id) ?? 0,
    );
  return {
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    encode: (text) => glyphIds(text).map(hex4).join(''),
    widthOf: (text, size) =>
      (glyphIds(text).reduce((sum, gid) => sum + (data.widths[gid] ?? 0), 0) * size) / 1000,
    write: (update) => writeFont(update, font, data),
  };
}

function writeFont(update: IncrementalUpdate, font: Font, data: SubsetData): PdfRef {
  const scale = 1000 / font.unitsPerEm;
  const fontFile = update.add(
    new PdfStream(dict({ Filter: name('FlateDecode'), Length1: data.fontFileLength }), data.fontFile),
  );
  const descriptor = update.add(
    dict({
      Type: name('FontDescriptor'),
      FontName: name(data.baseFont),
      Flags: 2 | 32,
      FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) =>
        Math.round(v * scale),
      ),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round(font.capHeight * scale),
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const cidFont = update.add(
    dict({
      Type: name('Font'),
      Subtype: name('CIDFontType2'),
      BaseFont: name(data.baseFont),
      CIDSystemInfo: dict({
        Registry: new PdfString(Buffer.from('Adobe')),
        Ordering: new PdfString(Buffer.from('Identity')),
        Supplement: 0,
      }),
      FontDescriptor: descriptor,
      W: [0, Array.from({ length: data.widths.length }, (_, gid) => data.widths[gid] ?? 0)],
      CIDToGIDMap: name('Identity'),
    }),
  );
  const toUnicode = update.add(new PdfStream(dict({ Filter: name('FlateDecode') }), data.toUnicode));
  return update.add(
    dict({
      Type: name('Font'),
      Subtype: name('Type0'),
      BaseFont: name(data.baseFont),
      Encoding: name('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}
