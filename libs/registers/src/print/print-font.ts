import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFName, PDFString, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';
import type { Font, Subset } from '@pdf-lib/fontkit';

/** Tinos (Times New Roman metrics, every Vietnamese glyph), shipped once, with the signing lib. */
const FONT_DIR = join(__dirname, '..', '..', '..', 'signing', 'assets', 'fonts');
const FONT_FILES = { regular: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf' } as const;
export type PrintFontStyle = keyof typeof FONT_FILES;

interface LoadedFont {
  readonly font: Font;
  /** Advance widths in 1/1000 em by code point: wrapping 5,000 rows measures each character often. */
  readonly widths: Map<number, number>;
}

const loaded = new Map<PrintFontStyle, LoadedFont>();

function load(style: PrintFontStyle): LoadedFont {
  let entry = loaded.get(style);
  if (!entry) {
    // fontkit is loaded on first print, not at boot: it adds ~25 MB to a process.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');
    entry = { font: fontkit.create(readFileSync(join(FONT_DIR, FONT_FILES[style]))), widths: new Map() };
    loaded.set(style, entry);
  }
  return entry;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

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
    ({ font: this.font, widths: this.widths } = load(style));
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
    const fontFile = await encodeSubset(this.subset);
    const tag = createHash('sha256')
      .update(fontFile)
      .digest()
      .subarray(0, 6)
      .reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
    const baseFont = `${tag}+${(font.postscriptName ?? `Tinos-${this.style}`).replace(/[^A-Za-z0-9-]/g, '')}`;
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
      context.stream(deflateSync(this.toUnicodeCMap()), { Filter: 'FlateDecode' }),
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

  /** Lets text be copied and searched (pdftotext reads it) with its diacritics. */
  private toUnicodeCMap(): string {
    const entries: string[] = [];
    this.cidText.forEach((text, cid) => {
      if (text === undefined) return;
      const utf16 = Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');
      entries.push(`<${hex4(cid)}> <${utf16}>`);
    });
    const lines = [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <ffff>',
      'endcodespacerange',
    ];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      lines.push(`${chunk.length} beginbfchar`, ...chunk, 'endbfchar');
    }
    lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
    return lines.join('\n');
  }
}

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream() as unknown as {
      on(event: string, callback: (data?: unknown) => void): typeof stream;
    };
    stream
      .on('data', (data) => parts.push(data as Uint8Array))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', (error) => reject(error as Error));
  });
}
