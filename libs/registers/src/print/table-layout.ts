import type { PrintFont } from './print-font';
import { wrapText } from './text-wrap';
import type { TableDocument, TextLine } from './table-document.types';

export const CELL_PADDING = 3;
const LINE_SPACING = 1.15;
const HEADING_GAP = 10;
/** Room taken at the top of a table page by the running head. */
export const RUNNING_HEAD_SIZE = 8;

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A4 in whole points (pdfinfo reports 842 x 595); a wider left margin for binding. */
export function pageGeometry(orientation: TableDocument['orientation']): PageGeometry {
  const [width, height] = orientation === 'landscape' ? [842, 595] : [595, 842];
  return { width, height, top: 42, bottom: 42, left: 57, right: 34 };
}

export interface LaidOutLine {
  text: string;
  size: number;
  bold: boolean;
  align: TextLine['align'];
  /** Distance from the top of the block to the baseline. */
  baseline: number;
}

export interface LaidOutRow {
  /** Lines of each cell; a single cell spans the table (the empty-table row). */
  cells: string[][];
  height: number;
}

export interface TablePage {
  withHeading: boolean;
  rows: LaidOutRow[];
}

export interface TableLayout {
  geometry: PageGeometry;
  columnWidths: number[];
  lineHeight: number;
  cover: { lines: LaidOutLine[]; height: number } | null;
  heading: { lines: LaidOutLine[]; height: number };
  header: LaidOutRow;
  numbersRow: LaidOutRow | null;
  pages: TablePage[];
}

export interface LayoutFonts {
  regular: PrintFont;
  bold: PrintFont;
}

/**
 * Measures every cell and puts whole rows on pages under a repeated header. A row moves to the next
 * page rather than split; only a row taller than an empty page is cut into parts that continue it.
 */
export function layoutTable(doc: TableDocument, fonts: LayoutFonts): TableLayout {
  const geometry = pageGeometry(doc.orientation);
  const tableWidth = geometry.width - geometry.left - geometry.right;
  const totalWeight = doc.columns.reduce((sum, c) => sum + c.width, 0);
  const columnWidths = doc.columns.map((c) => (c.width / totalWeight) * tableWidth);
  const lineHeight = doc.fontSize * LINE_SPACING;

  const measureRow = (cells: string[], font: PrintFont, widths: number[]): LaidOutRow => {
    const lines = cells.map((text, i) =>
      wrapText(text, widths[i]! - 2 * CELL_PADDING, (t) => font.widthOf(t, doc.fontSize)),
    );
    const maxLines = Math.max(1, ...lines.map((l) => l.length));
    return { cells: lines, height: maxLines * lineHeight + 2 * CELL_PADDING };
  };

  const header = measureRow(
    doc.columns.map((c) => c.header),
    fonts.bold,
    columnWidths,
  );
  const numbersRow = doc.numberedColumns
    ? measureRow(
        doc.columns.map((_, i) => `(${i + 1})`),
        fonts.regular,
        columnWidths,
      )
    : null;
  const heading = layoutLines(doc.heading ?? [], tableWidth, fonts);
  if (heading.height > 0) heading.height += HEADING_GAP;
  const cover = doc.cover ? layoutLines(doc.cover, tableWidth, fonts) : null;

  const bodyTop = geometry.height - geometry.top - (doc.runningHead ? RUNNING_HEAD_SIZE * 2 : 0);
  const fullBody = bodyTop - geometry.bottom - header.height - (numbersRow?.height ?? 0);
  const rows: LaidOutRow[] =
    doc.rows.length === 0
      ? [measureRow([doc.emptyText], fonts.regular, [tableWidth])]
      : doc.rows.flatMap((cells) =>
          splitTallRow(measureRow(cells, fonts.regular, columnWidths), fullBody, lineHeight),
        );

  const pages: TablePage[] = [{ withHeading: true, rows: [] }];
  let room = fullBody - heading.height;
  for (const row of rows) {
    // A page that starts with a row always has room for it: splitTallRow saw to that.
    if (row.height > room) {
      pages.push({ withHeading: false, rows: [row] });
      room = fullBody - row.height;
    } else {
      pages[pages.length - 1]!.rows.push(row);
      room -= row.height;
    }
  }
  return { geometry, columnWidths, lineHeight, cover, heading, header, numbersRow, pages };
}

function splitTallRow(row: LaidOutRow, fullBody: number, lineHeight: number): LaidOutRow[] {
  if (row.height <= fullBody) return [row];
  const linesPerPart = Math.max(1, Math.floor((fullBody - 2 * CELL_PADDING) / lineHeight));
  const partCount = Math.ceil(Math.max(...row.cells.map((c) => c.length)) / linesPerPart);
  return Array.from({ length: partCount }, (_, part) => {
    const cells = row.cells.map((c) => c.slice(part * linesPerPart, (part + 1) * linesPerPart));
    const lines = Math.max(1, ...cells.map((c) => c.length));
    return { cells, height: lines * lineHeight + 2 * CELL_PADDING };
  });
}

function layoutLines(
  lines: TextLine[],
  width: number,
  fonts: LayoutFonts,
): { lines: LaidOutLine[]; height: number } {
  const out: LaidOutLine[] = [];
  let y = 0;
  for (const line of lines) {
    const font = line.bold ? fonts.bold : fonts.regular;
    y += line.spaceBefore ?? 0;
    const wrapped = wrapText(line.text, width, (t) => font.widthOf(t, line.size));
    for (const text of wrapped.length ? wrapped : ['']) {
      out.push({
        text,
        size: line.size,
        bold: line.bold ?? false,
        align: line.align ?? 'center',
        baseline: y + (font.ascent * line.size) / 1000,
      });
      y += line.size * LINE_SPACING;
    }
  }
  return { lines: out, height: y };
}
