import { ContentState, type Matrix, type PageContent, type ShownItem } from './content-state';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** What pdf.js tells of a glyph in a showText operation. */
interface PdfjsGlyph {
  readonly unicode: string;
  /** Advance in glyph space (thousandths of text space for all but Type 3 fonts). */
  readonly width: number;
  /** A single-byte code 32, to which word spacing applies. */
  readonly isSpace: boolean;
}

/** The part of pdf.js's font object that positions glyphs. */
interface PdfjsFont {
  readonly fontMatrix?: ArrayLike<number>;
  readonly vertical?: boolean;
}

/** How a glyph's width turns into thousandths of text space, or undefined for vertical writing. */
type FontScale = number | undefined;

let pdfjsModule: Promise<PdfjsModule> | undefined;

const WHITE = '#ffffff';

function matrixOf(value: ArrayLike<number> | null | undefined): Matrix | undefined {
  if (!value || value.length < 6) return undefined;
  return [value[0], value[1], value[2], value[3], value[4], value[5]];
}

/**
 * Glyphs and graphics of a page through pdf.js, the fallback when our own content-stream reader
 * cannot decode a page (an unusual CMap or filter) or finds nothing in it. pdf.js parses the content
 * and the fonts; its operator list gives every glyph with its own width, and the same ContentState
 * as ours positions them. (Its getTextContent merges each font's glyphs into runs and pads the gaps
 * left for another font's glyphs with spaces, so a word drawn glyph by glyph in two fonts — a font
 * without Vietnamese letters and the fallback that draws them — came apart into pieces.)
 */
export async function pdfjsPageContent(pdf: Buffer, pageIndex: number): Promise<PageContent> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await pdfjsModule;
  const { OPS } = pdfjs;
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
    // Page content only, as our reader reads it: annotations (signature widgets among them) are not text of the page.
    const list = await page.getOperatorList({
      intent: 'print',
      annotationMode: pdfjs.AnnotationMode.DISABLE,
    });
    const state = new ContentState<FontScale>();
    const fonts = new Map<string, FontScale>();
    const fontScale = (name: string): FontScale => {
      if (!fonts.has(name)) {
        let font: PdfjsFont | undefined;
        try {
          font = page.commonObjs.get(name) as PdfjsFont;
        } catch {
          font = undefined;
        }
        fonts.set(name, font?.vertical ? undefined : (font?.fontMatrix?.[0] ?? 0.001) * 1000);
      }
      return fonts.get(name);
    };
    const setFont = (name: unknown, size: unknown): void =>
      state.setFont(typeof name === 'string' ? fontScale(name) : undefined, Number(size) || 0);
    const paintOps = new Set<number>([
      OPS.stroke,
      OPS.closeStroke,
      OPS.fill,
      OPS.eoFill,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
    ]);
    const strokeOps = new Set<number>([
      OPS.stroke,
      OPS.closeStroke,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
    ]);
    const { fnArray, argsArray } = list;
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i];
      const args = (argsArray[i] ?? []) as unknown[];
      const number = (k: number): number => Number(args[k]) || 0;
      switch (fn) {
        case OPS.save:
          state.save();
          break;
        case OPS.restore:
          state.restore();
          break;
        case OPS.transform:
          state.transform([number(0), number(1), number(2), number(3), number(4), number(5)]);
          break;
        case OPS.paintFormXObjectBegin: {
          state.save();
          const matrix = matrixOf(args[0] as ArrayLike<number> | null);
          if (matrix) state.transform(matrix);
          break;
        }
        case OPS.paintFormXObjectEnd:
          state.restore();
          break;
        case OPS.beginText:
          state.beginText();
          break;
        case OPS.setFont:
          setFont(args[0], args[1]);
          break;
        case OPS.setGState:
          for (const [key, value] of (args[0] ?? []) as [string, unknown][])
            if (key === 'Font' && Array.isArray(value)) setFont(value[0], value[1]);
          break;
        case OPS.setCharSpacing:
          state.setCharSpacing(number(0));
          break;
        case OPS.setWordSpacing:
          state.setWordSpacing(number(0));
          break;
        case OPS.setHScale:
          state.setHorizontalScale(number(0));
          break;
        case OPS.setLeading:
          state.setLeading(number(0));
          break;
        case OPS.setTextRise:
          state.setRise(number(0));
          break;
        case OPS.moveText:
          state.moveText(number(0), number(1));
          break;
        case OPS.setLeadingMoveText:
          state.moveTextSetLeading(number(0), number(1));
          break;
        case OPS.setTextMatrix: {
          // pdf.js 5 passes one Float32Array; older versions six numbers
          const matrix = matrixOf((args.length === 1 ? args[0] : args) as ArrayLike<number>);
          if (matrix) state.setTextMatrix(matrix);
          break;
        }
        case OPS.nextLine:
          state.nextLine();
          break;
        case OPS.showText: {
          const scale = state.font;
          if (scale === undefined) break;
          const items: ShownItem[] = [];
          for (const glyph of (args[0] ?? []) as (PdfjsGlyph | number | null)[]) {
            if (typeof glyph === 'number') items.push(glyph);
            else if (glyph)
              items.push({ text: glyph.unicode ?? '', width: glyph.width * scale, wordSpace: glyph.isSpace });
          }
          state.show(items);
          break;
        }
        case OPS.setFillRGBColor:
          state.setFillWhite(args[0] === WHITE);
          break;
        case OPS.setStrokeRGBColor:
          state.setStrokeWhite(args[0] === WHITE);
          break;
        case OPS.setFillTransparent:
          state.setFillWhite(true);
          break;
        case OPS.setStrokeTransparent:
          state.setStrokeWhite(true);
          break;
        case OPS.constructPath: {
          const paint = args[0] as number;
          const minMax = args[2] as ArrayLike<number> | null | undefined;
          if (!paintOps.has(paint) || !minMax || !(minMax[0] <= minMax[2])) break;
          const [x1, y1, x2, y2] = [minMax[0], minMax[1], minMax[2], minMax[3]];
          const stroke = strokeOps.has(paint);
          state.paintPath(
            [x1, y1, x2, y1, x1, y2, x2, y2],
            paint !== OPS.stroke && paint !== OPS.closeStroke,
            stroke,
          );
          break;
        }
        case OPS.paintImageXObject:
        case OPS.paintInlineImageXObject:
        case OPS.paintImageMaskXObject:
        case OPS.paintSolidColorImageMask:
          state.paintUnitSquare();
          break;
        default:
          break;
      }
    }
    return { glyphs: state.glyphs, graphics: state.graphics };
  } finally {
    await document.destroy();
  }
}
