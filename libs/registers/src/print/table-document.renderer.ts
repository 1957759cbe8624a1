import { deflateSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import { PrintFont } from './print-font';
import {
  CELL_PADDING,
  RUNNING_HEAD_SIZE,
  layoutTable,
  type LaidOutLine,
  type LaidOutRow,
  type LayoutFonts,
  type TableLayout,
} from './table-layout';
import type { TableDocument, TextAlign } from './table-document.types';

const FOOTER_SIZE = 9;
const HEADER_FILL = '0.9 g';
const f = (n: number): string => String(Math.round(n * 100) / 100);

/** Content-stream operators of one page, written directly (see PrintFont for why not drawText). */
class PageContent {
  private readonly ops: string[] = ['0.5 w 0 G 0 g'];

  constructor(private readonly fonts: LayoutFonts) {}

  text(text: string, x: number, baseline: number, size: number, bold: boolean): void {
    if (!text) return;
    const font = bold ? this.fonts.bold : this.fonts.regular;
    this.ops.push(
      `BT ${font.resourceName.toString()} ${f(size)} Tf ${f(x)} ${f(baseline)} Td <${font.encode(text)}> Tj ET`,
    );
  }

  alignedText(
    text: string,
    left: number,
    width: number,
    baseline: number,
    size: number,
    bold: boolean,
    align: TextAlign,
  ): void {
    const font = bold ? this.fonts.bold : this.fonts.regular;
    const free = width - font.widthOf(text, size);
    const x = align === 'center' ? left + free / 2 : align === 'right' ? left + free : left;
    this.text(text, x, baseline, size, bold);
  }

  rect(x: number, y: number, width: number, height: number, fill?: string): void {
    const path = `${f(x)} ${f(y)} ${f(width)} ${f(height)} re`;
    this.ops.push(fill ? `${fill} ${path} f 0 g ${path} S` : `${path} S`);
  }

  /** Baseline below the top of a line of `size` points. */
  ascent(size: number): number {
    return (this.fonts.regular.ascent * size) / 1000;
  }

  toString(): string {
    return this.ops.join('\n');
  }
}

/**
 * A PDF of a table under a heading: A4, Tinos embedded as a subset, the header row repeated on
 * every page, rows kept whole, "Trang i/n" at the foot of every page.
 */
export async function renderTableDocument(doc: TableDocument): Promise<Buffer> {
  const fonts: LayoutFonts = { regular: new PrintFont('regular'), bold: new PrintFont('bold') };
  const layout = layoutTable(doc, fonts);
  const { geometry } = layout;
  const pageCount = layout.pages.length + (layout.cover ? 1 : 0);
  const contents: PageContent[] = [];
  const footer = (content: PageContent) =>
    content.alignedText(
      `Trang ${contents.length}/${pageCount}`,
      geometry.left,
      geometry.width - geometry.left - geometry.right,
      geometry.bottom / 2,
      FOOTER_SIZE,
      false,
      'center',
    );

  if (layout.cover) {
    const content = new PageContent(fonts);
    const top = (geometry.height + layout.cover.height) / 2 + geometry.height * 0.08;
    drawLines(content, layout.cover.lines, layout, top);
    contents.push(content);
    footer(content);
  }
  for (const page of layout.pages) {
    const content = new PageContent(fonts);
    let y = geometry.height - geometry.top;
    if (doc.runningHead) {
      content.alignedText(
        doc.runningHead,
        geometry.left,
        geometry.width - geometry.left - geometry.right,
        y,
        RUNNING_HEAD_SIZE,
        false,
        'right',
      );
      y -= RUNNING_HEAD_SIZE * 2;
    }
    if (page.withHeading) {
      drawLines(content, layout.heading.lines, layout, y);
      y -= layout.heading.height;
    }
    y = drawRow(content, layout, layout.header, y, doc, { bold: true, fill: HEADER_FILL, align: 'center' });
    if (layout.numbersRow)
      y = drawRow(content, layout, layout.numbersRow, y, doc, {
        bold: false,
        fill: HEADER_FILL,
        align: 'center',
      });
    for (const row of page.rows) y = drawRow(content, layout, row, y, doc, { bold: false });
    contents.push(content);
    footer(content);
  }

  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title);
  pdf.setLanguage('vi-VN');
  pdf.setProducer('vanthu');
  pdf.setCreator('vanthu');
  const fontRefs = { regular: pdf.context.nextRef(), bold: pdf.context.nextRef() };
  for (const content of contents) {
    const page = pdf.addPage([geometry.width, geometry.height]);
    page.node.setFontDictionary(fonts.regular.resourceName, fontRefs.regular);
    page.node.setFontDictionary(fonts.bold.resourceName, fontRefs.bold);
    // node:zlib, not pdf-lib's pure-JS deflate: a third of the time of a 5,000-row register.
    const stream = pdf.context.stream(deflateSync(content.toString()), { Filter: 'FlateDecode' });
    page.node.addContentStream(pdf.context.register(stream));
  }
  await fonts.regular.embed(pdf.context, fontRefs.regular);
  await fonts.bold.embed(pdf.context, fontRefs.bold);
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

function drawLines(content: PageContent, lines: LaidOutLine[], layout: TableLayout, top: number): void {
  const { geometry } = layout;
  const width = geometry.width - geometry.left - geometry.right;
  for (const line of lines) {
    content.alignedText(
      line.text,
      geometry.left,
      width,
      top - line.baseline,
      line.size,
      line.bold,
      line.align ?? 'center',
    );
  }
}

/** Draws a row whose top edge is at `top`; returns its bottom edge. */
function drawRow(
  content: PageContent,
  layout: TableLayout,
  row: LaidOutRow,
  top: number,
  doc: TableDocument,
  style: { bold: boolean; fill?: string; align?: TextAlign },
): number {
  const { geometry, columnWidths, lineHeight } = layout;
  const bottom = top - row.height;
  const spans = row.cells.length === 1 && columnWidths.length > 1;
  const widths = spans ? [columnWidths.reduce((a, b) => a + b, 0)] : columnWidths;
  let x = geometry.left;
  row.cells.forEach((lines, i) => {
    const width = widths[i]!;
    content.rect(x, bottom, width, row.height, style.fill);
    const align = style.align ?? (spans ? 'center' : (doc.columns[i]?.align ?? 'left'));
    // Header cells are centred vertically, as on the ND30 forms; data cells read from the top.
    const offset = style.fill ? (row.height - 2 * CELL_PADDING - lines.length * lineHeight) / 2 : 0;
    lines.forEach((text, n) => {
      const baseline = top - CELL_PADDING - offset - n * lineHeight - content.ascent(doc.fontSize);
      content.alignedText(
        text,
        x + CELL_PADDING,
        width - 2 * CELL_PADDING,
        baseline,
        doc.fontSize,
        style.bold,
        align,
      );
    });
    x += width;
  });
  return bottom;
}
