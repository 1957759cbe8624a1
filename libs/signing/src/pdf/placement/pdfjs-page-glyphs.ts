import { defaultFontAdvance } from '../appearance/font-subset';
import type { PositionedGlyph } from './page-text-extractor';

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfjsModule> | undefined;

/**
 * Text positions through pdf.js, the fallback when our own content-stream reader cannot decode a
 * page (an unusual CMap or filter). pdf.js gives one item per text run; glyph positions inside a run
 * are spread by the default font's widths, scaled to the run's measured width.
 */
export async function pdfjsPageGlyphs(pdf: Buffer, pageIndex: number): Promise<PositionedGlyph[]> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsModule;
  // pdf.js takes ownership of (and detaches) the array it is given, so it gets a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const page = await document.getPage(pageIndex + 1);
    const content = await page.getTextContent();
    const glyphs: PositionedGlyph[] = [];
    for (const raw of content.items) {
      const item = raw as PdfjsTextItem;
      if (!item.str || !Array.isArray(item.transform)) continue;
      const [a, b, c, d, e, f] = item.transform;
      if (a <= 0 || Math.abs(b) > 0.01 * a) continue;
      const size = Math.hypot(c, d) || item.height;
      const chars = [...item.str];
      const natural = chars.map((ch) => defaultFontAdvance(ch.codePointAt(0)!));
      const total = natural.reduce((s, w) => s + w, 0) || 1;
      let x = e;
      chars.forEach((ch, i) => {
        const advance = (item.width * natural[i]) / total;
        glyphs.push({ text: ch, x, y: f, advance, size });
        x += advance;
      });
    }
    return glyphs;
  } finally {
    await document.destroy();
  }
}
