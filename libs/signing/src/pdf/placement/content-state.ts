import type { Box } from '../document/page-tree';
import type { DecodedCode } from './font-decoder';

/** One shown glyph in user space: origin on the baseline, advance along it, font size. */
export interface PositionedGlyph {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly advance: number;
  readonly size: number;
}

/** What a page shows: its upright glyphs, and the boxes of what else it paints (paths, images). */
export interface PageContent {
  readonly glyphs: PositionedGlyph[];
  readonly graphics: Box[];
}

export type Matrix = [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** One item of a shown string: a decoded code, or a TJ adjustment in thousandths of text space. */
export type ShownItem = DecodedCode | number;

interface GraphicsState<F> {
  ctm: Matrix;
  font: F | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  horizontalScale: number;
  leading: number;
  rise: number;
  /** Whether paint of the non-stroking (fill) and stroking colour would not show on white paper. */
  fillWhite: boolean;
  strokeWhite: boolean;
}

/**
 * The graphics and text state of a content stream (ISO 32000 §8.4, §9.3–9.4), turning shown codes
 * into glyph positions in user space. Both text readers drive it — our content-stream parser and
 * the pdf.js operator list — so a glyph lands at the same place whichever decoded its font, and
 * glyphs of several fonts interleaved on one line (a font that lacks a letter, another drawing it
 * into the gap left for it) come out in reading order once sorted by position.
 */
export class ContentState<F> {
  readonly glyphs: PositionedGlyph[] = [];
  readonly graphics: Box[] = [];
  private gs: GraphicsState<F>;
  private readonly stack: GraphicsState<F>[] = [];
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;

  constructor(ctm: Matrix = IDENTITY) {
    this.gs = {
      ctm,
      font: undefined,
      fontSize: 0,
      charSpacing: 0,
      wordSpacing: 0,
      horizontalScale: 1,
      leading: 0,
      rise: 0,
      fillWhite: false,
      strokeWhite: false,
    };
  }

  get font(): F | undefined {
    return this.gs.font;
  }

  get ctm(): Matrix {
    return this.gs.ctm;
  }

  /** `q`; returns the depth before it, so that a form's unbalanced `Q`s cannot pop its caller's states. */
  save(): number {
    this.stack.push({ ...this.gs });
    return this.stack.length - 1;
  }

  restore(): void {
    this.gs = this.stack.pop() ?? this.gs;
  }

  restoreTo(depth: number): void {
    while (this.stack.length > depth) this.restore();
  }

  transform(m: Matrix): void {
    this.gs.ctm = multiply(m, this.gs.ctm);
  }

  beginText(): void {
    this.tm = this.tlm = IDENTITY;
  }

  setFont(font: F | undefined, size: number): void {
    this.gs.font = font;
    this.gs.fontSize = size;
  }

  setCharSpacing(value: number): void {
    this.gs.charSpacing = value;
  }

  setWordSpacing(value: number): void {
    this.gs.wordSpacing = value;
  }

  /** `Tz`, in percent. */
  setHorizontalScale(percent: number): void {
    this.gs.horizontalScale = percent / 100;
  }

  setLeading(value: number): void {
    this.gs.leading = value;
  }

  setRise(value: number): void {
    this.gs.rise = value;
  }

  /** `Td`. */
  moveText(tx: number, ty: number): void {
    this.tlm = multiply([1, 0, 0, 1, tx, ty], this.tlm);
    this.tm = this.tlm;
  }

  /** `TD`. */
  moveTextSetLeading(tx: number, ty: number): void {
    this.gs.leading = -ty;
    this.moveText(tx, ty);
  }

  /** `Tm`. */
  setTextMatrix(m: Matrix): void {
    this.tm = this.tlm = m;
  }

  /** `T*`. */
  nextLine(): void {
    this.moveText(0, -this.gs.leading);
  }

  /** `Tj`/`TJ`: positions each code and advances the text matrix past it. */
  show(items: readonly ShownItem[]): void {
    const { gs } = this;
    if (gs.font === undefined) return;
    // Within a string Tm only moves along its own x axis, so Tm×CTM moves the same way.
    const m = multiply(this.tm, gs.ctm);
    const xScale = Math.hypot(m[0], m[1]);
    const ySize = Math.abs(gs.fontSize) * Math.hypot(m[2], m[3]);
    // Only upright horizontal text matters for placement (titles, names, "Số:", dates).
    const upright = m[0] > 0 && Math.abs(m[1]) < 0.01 * m[0] && m[3] * gs.fontSize > 0;
    const riseX = gs.rise * m[2];
    const riseY = gs.rise * m[3];
    let dx = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        dx -= (item / 1000) * gs.fontSize * gs.horizontalScale;
        continue;
      }
      const tx =
        ((item.width / 1000) * gs.fontSize + gs.charSpacing + (item.wordSpace ? gs.wordSpacing : 0)) *
        gs.horizontalScale;
      if (upright)
        this.glyphs.push({
          text: item.text,
          x: m[4] + dx * m[0] + riseX,
          y: m[5] + dx * m[1] + riseY,
          advance: tx * xScale,
          size: ySize,
        });
      dx += tx;
    }
    const tm = this.tm;
    this.tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + dx * tm[0], tm[5] + dx * tm[1]];
  }

  setFillWhite(white: boolean): void {
    this.gs.fillWhite = white;
  }

  setStrokeWhite(white: boolean): void {
    this.gs.strokeWhite = white;
  }

  /**
   * A path painted by filling and/or stroking, its points (x, y, x, y…) in the current user space:
   * its box in page space is recorded unless all it paints is white (a page background).
   */
  paintPath(points: readonly number[], fill: boolean, stroke: boolean): void {
    if ((fill && !this.gs.fillWhite) || (stroke && !this.gs.strokeWhite)) this.paint(points);
  }

  private paint(points: readonly number[]): void {
    const [a, b, c, d, e, f] = this.gs.ctm;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (let i = 0; i + 1 < points.length; i += 2) {
      const x = a * points[i] + c * points[i + 1] + e;
      const y = b * points[i] + d * points[i + 1] + f;
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    }
    if (x1 <= x2 && y1 <= y2) this.graphics.push({ x1, y1, x2, y2 });
  }

  /** An image (or anything drawn into the unit square, as `Do` of an image and inline images are). */
  paintUnitSquare(): void {
    this.paint([0, 0, 1, 0, 0, 1, 1, 1]);
  }
}
