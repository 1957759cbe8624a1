import type { PageInfo } from '../document/page-tree';
import { PdfDict, PdfName, PdfStream, PdfString, isName, type PdfValue } from '../io/pdf-objects';
import { PdfKeyword, PdfParser, isWhitespace } from '../io/pdf-parser';
import type { PdfReader } from '../io/pdf-reader';
import { fontDecoder, type FontDecoder } from './font-decoder';

/** One shown glyph in user space: origin on the baseline, advance along it, font size. */
export interface PositionedGlyph {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly advance: number;
  readonly size: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

interface GraphicsState {
  ctm: Matrix;
  font: FontDecoder | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  horizontalScale: number;
  leading: number;
  rise: number;
}

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
  const glyphs: PositionedGlyph[] = [];
  const contents = reader.resolve(page.dict.get('Contents'));
  const streams = Array.isArray(contents) ? contents.map((c) => reader.resolve(c)) : [contents];
  const parts: Buffer[] = [];
  for (const stream of streams)
    if (stream instanceof PdfStream) parts.push(reader.streamData(stream), Buffer.from('\n'));
  run(reader, Buffer.concat(parts), page.resources, IDENTITY, fonts, glyphs, 0, new Set());
  return glyphs;
}

function run(
  reader: PdfReader,
  content: Buffer,
  resources: PdfDict | undefined,
  baseCtm: Matrix,
  fonts: Map<number | PdfDict, FontDecoder>,
  glyphs: PositionedGlyph[],
  depth: number,
  forms: Set<number | PdfStream>,
): void {
  const parser = new PdfParser(content);
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = {
    ctm: baseCtm,
    font: undefined,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    horizontalScale: 1,
    leading: 0,
    rise: 0,
  };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  const operands: (PdfValue | PdfKeyword)[] = [];
  const num = (i: number): number => {
    const v = operands[operands.length - i];
    return typeof v === 'number' ? v : 0;
  };
  const moveLine = (tx: number, ty: number): void => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (value: PdfValue | PdfKeyword | undefined): void => {
    if (!gs.font) return;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'number') {
        const tx = (-item / 1000) * gs.fontSize * gs.horizontalScale;
        tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + tx * tm[0], tm[5] + tx * tm[1]];
        continue;
      }
      if (!(item instanceof PdfString)) continue;
      // Within a string Tm only moves along its own x axis, so Tm×CTM moves the same way.
      const m = multiply(tm, gs.ctm);
      const xScale = Math.hypot(m[0], m[1]);
      const ySize = Math.abs(gs.fontSize) * Math.hypot(m[2], m[3]);
      // Only upright horizontal text matters for placement (titles, names, "Số:", dates).
      const upright = m[0] > 0 && Math.abs(m[1]) < 0.01 * m[0] && m[3] * gs.fontSize > 0;
      const riseX = gs.rise * m[2];
      const riseY = gs.rise * m[3];
      let dx = 0;
      for (const code of gs.font.decode(item.bytes)) {
        const tx =
          ((code.width / 1000) * gs.fontSize + gs.charSpacing + (code.wordSpace ? gs.wordSpacing : 0)) *
          gs.horizontalScale;
        if (upright)
          glyphs.push({
            text: code.text,
            x: m[4] + dx * m[0] + riseX,
            y: m[5] + dx * m[1] + riseY,
            advance: tx * xScale,
            size: ySize,
          });
        dx += tx;
      }
      tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + dx * tm[0], tm[5] + dx * tm[1]];
    }
  };
  while (!parser.atEnd()) {
    const token = parser.parseToken();
    if (!(token instanceof PdfKeyword)) {
      operands.push(token);
      continue;
    }
    switch (token.keyword) {
      case 'q':
        stack.push({ ...gs });
        break;
      case 'Q':
        gs = stack.pop() ?? gs;
        break;
      case 'cm':
        gs.ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], gs.ctm);
        break;
      case 'BT':
        tm = tlm = IDENTITY;
        break;
      case 'Tf': {
        const fontName = operands[operands.length - 2];
        const fontResources = reader.dict(resources?.get('Font'));
        gs.font =
          fontName instanceof PdfName && fontResources
            ? fontDecoder(reader, fontResources.get(fontName.name), fonts)
            : undefined;
        gs.fontSize = num(1);
        break;
      }
      case 'Tc':
        gs.charSpacing = num(1);
        break;
      case 'Tw':
        gs.wordSpacing = num(1);
        break;
      case 'Tz':
        gs.horizontalScale = num(1) / 100;
        break;
      case 'TL':
        gs.leading = num(1);
        break;
      case 'Ts':
        gs.rise = num(1);
        break;
      case 'Td':
        moveLine(num(2), num(1));
        break;
      case 'TD':
        gs.leading = -num(1);
        moveLine(num(2), num(1));
        break;
      case 'Tm':
        tm = tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
        break;
      case 'T*':
        moveLine(0, -gs.leading);
        break;
      case 'Tj':
      case 'TJ':
        show(operands[operands.length - 1]);
        break;
      case "'":
        moveLine(0, -gs.leading);
        show(operands[operands.length - 1]);
        break;
      case '"':
        gs.wordSpacing = num(3);
        gs.charSpacing = num(2);
        moveLine(0, -gs.leading);
        show(operands[operands.length - 1]);
        break;
      case 'Do':
        if (depth < MAX_FORM_DEPTH)
          runForm(reader, operands[operands.length - 1], resources, gs.ctm, fonts, glyphs, depth, forms);
        break;
      case 'BI':
        skipInlineImage(parser);
        break;
      default:
        break;
    }
    operands.length = 0;
  }
}

function runForm(
  reader: PdfReader,
  nameValue: PdfValue | PdfKeyword | undefined,
  resources: PdfDict | undefined,
  ctm: Matrix,
  fonts: Map<number | PdfDict, FontDecoder>,
  glyphs: PositionedGlyph[],
  depth: number,
  forms: Set<number | PdfStream>,
): void {
  if (!(nameValue instanceof PdfName)) return;
  const xobjects = reader.dict(resources?.get('XObject'));
  const ref = xobjects?.get(nameValue.name);
  const form = reader.resolve(ref);
  if (!(form instanceof PdfStream) || !isName(form.dict.get('Subtype'), 'Form') || forms.has(form)) return;
  forms.add(form);
  const matrix = (reader.array(form.dict.get('Matrix')) ?? IDENTITY).map(
    (v) => reader.number(v) ?? 0,
  ) as Matrix;
  const formResources = reader.dict(form.dict.get('Resources')) ?? resources;
  run(reader, reader.streamData(form), formResources, multiply(matrix, ctm), fonts, glyphs, depth + 1, forms);
  forms.delete(form);
}

function skipInlineImage(parser: PdfParser): void {
  // Key/value pairs up to ID, then binary data up to an EI standing between whitespace.
  while (!parser.atEnd()) {
    const token = parser.parseToken();
    if (token instanceof PdfKeyword && token.keyword === 'ID') break;
  }
  const { buf } = parser;
  let p = parser.pos + 1;
  while (p < buf.length - 1) {
    if (
      buf[p] === 0x45 &&
      buf[p + 1] === 0x49 &&
      isWhitespace(buf[p - 1]) &&
      (p + 2 >= buf.length || isWhitespace(buf[p + 2]))
    ) {
      parser.pos = p + 2;
      return;
    }
    p++;
  }
  parser.pos = buf.length;
}
