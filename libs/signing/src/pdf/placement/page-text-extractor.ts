import type { PageInfo } from '../document/page-tree';
import { PdfDict, PdfName, PdfStream, PdfString, isName, type PdfValue } from '../io/pdf-objects';
import { PdfKeyword, PdfParser } from '../io/pdf-parser';
import type { PdfReader } from '../io/pdf-reader';
import {
  ContentState,
  IDENTITY,
  type Matrix,
  type PageContent,
  type PositionedGlyph,
  type ShownItem,
} from './content-state';
import { fontDecoder, type FontDecoder } from './font-decoder';
import { skipInlineImage } from './inline-image';
import { PAINT, isWhite } from './paint-operators';

const MAX_FORM_DEPTH = 8;

/**
 * Reads the text of a page straight from its content stream: a small interpreter of the text
 * operators, positioning each glyph from the font's /Widths or /W and decoding it through
 * /ToUnicode. It is about 30× faster than pdf.js's getTextContent (which builds every font program)
 * and exact per glyph, which the placement of a number into "Số:      /QĐ-UBND" needs. Anything it
 * cannot read (unusual CMaps, filters) throws, and the caller falls back to pdf.js.
 */
export function extractPageGlyphs(
  reader: PdfReader,
  page: PageInfo,
  fonts = new Map<number | PdfDict, FontDecoder>(),
): PositionedGlyph[] {
  return extractPageContent(reader, page, fonts).glyphs;
}

/** The glyphs of a page and the boxes of the paths and images it paints (for finding free space). */
export function extractPageContent(
  reader: PdfReader,
  page: PageInfo,
  fonts = new Map<number | PdfDict, FontDecoder>(),
): PageContent {
  const contents = reader.resolve(page.dict.get('Contents'));
  const streams = Array.isArray(contents) ? contents.map((c) => reader.resolve(c)) : [contents];
  const parts: Buffer[] = [];
  for (const stream of streams)
    if (stream instanceof PdfStream) parts.push(reader.streamData(stream), Buffer.from('\n'));
  const state = new ContentState<FontDecoder>();
  run(reader, Buffer.concat(parts), page.resources, state, fonts, 0, new Set());
  return { glyphs: state.glyphs, graphics: state.graphics };
}

function run(
  reader: PdfReader,
  content: Buffer,
  resources: PdfDict | undefined,
  state: ContentState<FontDecoder>,
  fonts: Map<number | PdfDict, FontDecoder>,
  depth: number,
  forms: Set<number | PdfStream>,
): void {
  const parser = new PdfParser(content);
  const operands: (PdfValue | PdfKeyword)[] = [];
  let path: number[] = [];
  const num = (i: number): number => {
    const v = operands[operands.length - i];
    return typeof v === 'number' ? v : 0;
  };
  const show = (value: PdfValue | PdfKeyword | undefined): void => {
    const font = state.font;
    if (!font) return;
    if (value instanceof PdfString) {
      state.show(font.decode(value.bytes));
      return;
    }
    if (!Array.isArray(value)) return;
    const items: ShownItem[] = [];
    for (const item of value) {
      if (typeof item === 'number') items.push(item);
      else if (item instanceof PdfString) for (const code of font.decode(item.bytes)) items.push(code);
    }
    state.show(items);
  };
  while (!parser.atEnd()) {
    const token = parser.parseToken();
    if (!(token instanceof PdfKeyword)) {
      operands.push(token);
      continue;
    }
    const keyword = token.keyword;
    switch (keyword) {
      case 'q':
        state.save();
        break;
      case 'Q':
        state.restore();
        break;
      case 'cm':
        state.transform([num(6), num(5), num(4), num(3), num(2), num(1)]);
        break;
      case 'm':
      case 'l':
        path.push(num(2), num(1));
        break;
      case 'c':
        path.push(num(6), num(5), num(4), num(3), num(2), num(1));
        break;
      case 'v':
      case 'y':
        path.push(num(4), num(3), num(2), num(1));
        break;
      case 're': {
        const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
        path.push(x, y, x + w, y, x, y + h, x + w, y + h);
        break;
      }
      case 'n':
        path = [];
        break;
      case 'g':
      case 'rg':
      case 'k':
      case 'sc':
      case 'scn':
        state.setFillWhite(isWhite(operands));
        break;
      case 'G':
      case 'RG':
      case 'K':
      case 'SC':
      case 'SCN':
        state.setStrokeWhite(isWhite(operands));
        break;
      case 'cs':
        state.setFillWhite(false);
        break;
      case 'CS':
        state.setStrokeWhite(false);
        break;
      case 'BT':
        state.beginText();
        break;
      case 'Tf': {
        const fontName = operands[operands.length - 2];
        const fontResources = reader.dict(resources?.get('Font'));
        state.setFont(
          fontName instanceof PdfName && fontResources
            ? fontDecoder(reader, fontResources.get(fontName.name), fonts)
            : undefined,
          num(1),
        );
        break;
      }
      case 'Tc':
        state.setCharSpacing(num(1));
        break;
      case 'Tw':
        state.setWordSpacing(num(1));
        break;
      case 'Tz':
        state.setHorizontalScale(num(1));
        break;
      case 'TL':
        state.setLeading(num(1));
        break;
      case 'Ts':
        state.setRise(num(1));
        break;
      case 'Td':
        state.moveText(num(2), num(1));
        break;
      case 'TD':
        state.moveTextSetLeading(num(2), num(1));
        break;
      case 'Tm':
        state.setTextMatrix([num(6), num(5), num(4), num(3), num(2), num(1)]);
        break;
      case 'T*':
        state.nextLine();
        break;
      case 'Tj':
      case 'TJ':
        show(operands[operands.length - 1]);
        break;
      case "'":
        state.nextLine();
        show(operands[operands.length - 1]);
        break;
      case '"':
        state.setWordSpacing(num(3));
        state.setCharSpacing(num(2));
        state.nextLine();
        show(operands[operands.length - 1]);
        break;
      case 'Do':
        if (depth < MAX_FORM_DEPTH)
          runXObject(reader, operands[operands.length - 1], resources, state, fonts, depth, forms);
        break;
      case 'BI':
        skipInlineImage(parser);
        state.paintUnitSquare();
        break;
      default: {
        const paint = PAINT[keyword];
        if (paint) {
          state.paintPath(path, paint[0], paint[1]);
          path = [];
        }
        break;
      }
    }
    operands.length = 0;
  }
}

/** `Do`: an image paints its unit square; a form runs in the current state, its matrix applied. */
function runXObject(
  reader: PdfReader,
  nameValue: PdfValue | PdfKeyword | undefined,
  resources: PdfDict | undefined,
  state: ContentState<FontDecoder>,
  fonts: Map<number | PdfDict, FontDecoder>,
  depth: number,
  forms: Set<number | PdfStream>,
): void {
  if (!(nameValue instanceof PdfName)) return;
  const xobjects = reader.dict(resources?.get('XObject'));
  const xobject = reader.resolve(xobjects?.get(nameValue.name));
  if (!(xobject instanceof PdfStream)) return;
  if (isName(xobject.dict.get('Subtype'), 'Image')) {
    state.paintUnitSquare();
    return;
  }
  if (!isName(xobject.dict.get('Subtype'), 'Form') || forms.has(xobject)) return;
  forms.add(xobject);
  const matrix = (reader.array(xobject.dict.get('Matrix')) ?? IDENTITY).map(
    (v) => reader.number(v) ?? 0,
  ) as Matrix;
  const formResources = reader.dict(xobject.dict.get('Resources')) ?? resources;
  const depthBefore = state.save();
  state.transform(matrix);
  try {
    run(reader, reader.streamData(xobject), formResources, state, fonts, depth + 1, forms);
  } finally {
    state.restoreTo(depthBefore);
    forms.delete(xobject);
  }
}
