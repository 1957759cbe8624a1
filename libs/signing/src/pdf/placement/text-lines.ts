import { foldVietnamese } from '@vanthu/shared';
import type { PositionedGlyph } from './content-state';

/**
 * A run of text on one baseline with no wide gap inside: a line of one column. `left[i]`/`right[i]`
 * give the horizontal extent of the i-th UTF-16 unit of `text`.
 */
export interface TextSegment {
  readonly text: string;
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly x1: number;
  readonly x2: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
}

/** A folded (lower case, no diacritics) copy of a segment's text with an index back to the original. */
export interface FoldedText {
  readonly text: string;
  readonly source: readonly number[];
}

const SAME_LINE = 0.35;
const COLUMN_GAP = 2.2;
const WORD_GAP = 0.2;

/** Groups glyphs into lines by baseline, then splits each line at gaps wider than ~2 em. */
export function buildSegments(glyphs: readonly PositionedGlyph[]): TextSegment[] {
  const sorted = glyphs.filter((g) => g.size > 0 && g.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PositionedGlyph[][] = [];
  for (const glyph of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - glyph.y) <= SAME_LINE * Math.max(line[0].size, glyph.size))
      line.push(glyph);
    else lines.push([glyph]);
  }
  const segments: TextSegment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: PositionedGlyph[] = [];
    const flush = (): void => {
      if (current.some((g) => g.text.trim())) segments.push(toSegment(current));
      current = [];
    };
    for (const glyph of line) {
      const previous = current[current.length - 1];
      if (previous && glyph.x - (previous.x + previous.advance) > COLUMN_GAP * glyph.size) flush();
      current.push(glyph);
    }
    flush();
  }
  return segments;
}

function toSegment(glyphs: PositionedGlyph[]): TextSegment {
  let text = '';
  const left: number[] = [];
  const right: number[] = [];
  glyphs.forEach((glyph, i) => {
    const previous = glyphs[i - 1];
    const gapStart = previous ? previous.x + previous.advance : glyph.x;
    // Producers often position words instead of drawing spaces; make the gap a space.
    const lastChar = text.charCodeAt(text.length - 1);
    if (
      previous &&
      glyph.x - gapStart > WORD_GAP * glyph.size &&
      lastChar !== 32 &&
      glyph.text.charCodeAt(0) !== 32
    ) {
      text += ' ';
      left.push(gapStart);
      right.push(glyph.x);
    }
    const units = glyph.text.length;
    for (let k = 0; k < units; k++) {
      text += glyph.text[k];
      left.push(glyph.x + (glyph.advance * k) / units);
      right.push(glyph.x + (glyph.advance * (k + 1)) / units);
    }
  });
  const sizes = glyphs.map((g) => g.size).sort((a, b) => a - b);
  const y = glyphs.map((g) => g.y).sort((a, b) => a - b)[glyphs.length >> 1];
  return { text, left, right, x1: left[0], x2: right[right.length - 1], y, size: sizes[sizes.length >> 1] };
}

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = /\s/.test(ch) ? ' ' : foldVietnamese(ch);
    foldedChars.set(ch, folded);
  }
  return folded;
}

/** Folds per character so that every folded character maps back to its source position. */
export function foldSegment(text: string): FoldedText {
  let folded = '';
  const source: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const piece = foldChar(text[i]);
    for (let k = 0; k < piece.length; k++) {
      folded += piece[k];
      source.push(i);
    }
  }
  return { text: folded, source };
}

/** The folded text alone (cached per character), for cheap filtering before `foldSegment`. */
export function foldText(text: string): string {
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += foldChar(text[i]);
  return folded;
}

/** Collapses runs of whitespace and trims, for comparing names. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
