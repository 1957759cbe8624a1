import { deflateSync } from 'node:zlib';
import { PDFName, PDFString, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';
import type { Font, Subset } from '@pdf-lib/fontkit';
import {
  encodeFontSubset,
  hex4,
  loadTinos,
  subsetFontName,
  subsetTag,
  toUnicodeCMap,
  type TinosStyle,
} from '@vanthu/signing';

export type PrintFontStyle = TinosStyle;

/** Advance widths in 1/1000 em by code point, per style: wrapping 5,000 rows measures each character often. */
const widthCache = new Map<PrintFontStyle, Map<number, number>>();

/**
 * One font of one PDF, subset to the glyphs its text uses, written as a Type0/Identity-H font.
 * pdf-lib's own drawText shapes every string with fontkit's layout engine (~0.2 ms a call), too
 * slow for a register of 5,000 rows; Vietnamese in NFC needs no shaping, only a cmap lookup.
 */
export class PrintFont {
  private readonly font: Font;
  private readonly widths: Map<number, number>;
  private readonly subset: Subset;
  /** Code point → glyph id in the subset (= CID), as four hex digits. */
  private readonly cids = new Map<number, string>();
  private readonly cidWidths: number[] = [0];
  private readonly cidText: string[] = [];

  constructor(private readonly style: PrintFontStyle) {
    this.font = loadTinos(style);
    this.widths = widthCache.get(style) ?? new Map();
    widthCache.set(style, this.widths);
    this.subset = this.font.createSubset();
  }

  get ascent(): number {
    return (this.font.ascent * 1000) / this.font.unitsPerEm;
  }

  /** Width of `text` (NFC) at `size` points. */
  widthOf(text: string, size: number): number {
    let total = 0;
    for (const ch of text) total += this.advance(ch.codePointAt(0)!);
    return (total * size) / 1000;
  }

  /** The hex operand of a Tj showing `text` (NFC); adds its glyphs to the subset. */
  encode(text: string): string {
    let out = '';
    for (const ch of text) {
      const codePoint = ch.codePointAt(0)!;
      let hex = this.cids.get(codePoint);
      if (hex === undefined) {
        const glyph = this.font.glyphForCodePoint(codePoint);
        const cid = this.subset.includeGlyph(glyph);
        hex = hex4(cid);
        this.cids.set(codePoint, hex);
        this.cidWidths[cid] = Math.round(this.advance(codePoint));
        if (glyph.id !== 0) this.cidText[cid] = ch;
      }
      out += hex;
    }
    return out;
  }

  /** Writes the Type0 font to `ref`; call once, after the last `encode`. */
  async embed(context: PDFContext, ref: PDFRef): Promise<void> {
    const font = this.font;
    const scale = 1000 / font.unitsPerEm;
    const fontFile = await encodeFontSubset(this.subset);
    const baseFont = subsetFontName(subsetTag(fontFile), font.postscriptName ?? `Tinos-${this.style}`);
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        // Serif, non-symbolic.
        Flags: 2 | 32,
        FontBBox: [font.bbox.minX, font.bbox.minY, font.bbox.maxX, font.bbox.maxY].map((v) =>
          Math.round(v * scale),
        ),
        ItalicAngle: font.italicAngle,
        Ascent: Math.round(font.ascent * scale),
        Descent: Math.round(font.descent * scale),
        CapHeight: Math.round(font.capHeight * scale),
        StemV: this.style === 'bold' ? 140 : 80,
        FontFile2: context.register(
          context.stream(deflateSync(fontFile), { Filter: 'FlateDecode', Length1: fontFile.length }),
        ),
      }),
    );
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: [0, Array.from(this.cidWidths, (w) => w ?? 0)],
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = context.register(
      context.stream(
        deflateSync(
          toUnicodeCMap(
            this.cidText.flatMap((text, cid) => (text === undefined ? [] : [[cid, text] as const])),
          ),
        ),
        {
          Filter: 'FlateDecode',
        },
      ),
    );
    context.assign(
      ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }

  /** The resource name pages use for this font. */
  get resourceName(): PDFName {
    return PDFName.of(this.style === 'bold' ? 'F2' : 'F1');
  }

  private advance(codePoint: number): number {
    let width = this.widths.get(codePoint);
    if (width === undefined) {
      width = (this.font.glyphForCodePoint(codePoint).advanceWidth * 1000) / this.font.unitsPerEm;
      this.widths.set(codePoint, width);
    }
    return width;
  }
}
