import type * as fontkit from '@pdf-lib/fontkit';
import { loadTinos } from '../fonts/tinos';
import type { Point } from './raster';

interface PathCommand {
  readonly command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  readonly args: number[];
}

/** One shaped glyph: its outline in font units (y up, origin on the baseline) and where it sits. */
export interface ShapedGlyph {
  readonly contours: Point[][];
  /** Pen position of the glyph origin along the line, in font units. */
  readonly x: number;
  readonly y: number;
  readonly advance: number;
}

export interface ShapedLine {
  readonly glyphs: readonly ShapedGlyph[];
  readonly width: number;
  readonly unitsPerEm: number;
  readonly capHeight: number;
}

/** Tinos Bold (Times New Roman metrics, Vietnamese glyphs), shipped in libs/signing/assets/fonts. */
export function tinosBold(): fontkit.Font {
  return loadTinos('bold');
}

/** Shapes a line with fontkit (NFC first: Tinos has the precomposed Vietnamese letters) and flattens outlines. */
export function shapeLine(font: fontkit.Font, text: string, letterSpacing = 0): ShapedLine {
  const run = font.layout(text.normalize('NFC'));
  let pen = 0;
  const glyphs = run.glyphs.map((glyph, i) => {
    const position = run.positions[i];
    const shaped: ShapedGlyph = {
      contours: flatten((glyph.path as unknown as { commands: PathCommand[] }).commands),
      x: pen + position.xOffset,
      y: position.yOffset,
      advance: position.xAdvance,
    };
    pen += position.xAdvance + (i < run.glyphs.length - 1 ? letterSpacing : 0);
    return shaped;
  });
  return { glyphs, width: pen, unitsPerEm: font.unitsPerEm, capHeight: font.capHeight };
}

/** Outline commands → closed polygons; curves become short straight segments. */
function flatten(commands: readonly PathCommand[]): Point[][] {
  const contours: Point[][] = [];
  let current: Point[] = [];
  let at: Point = [0, 0];
  const close = (): void => {
    if (current.length > 2) contours.push(current);
    current = [];
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      at = [args[0], args[1]];
      current.push(at);
    } else if (command === 'lineTo') {
      at = [args[0], args[1]];
      current.push(at);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, x, y] = args;
      for (let s = 1; s <= 8; s++) {
        const t = s / 8;
        const u = 1 - t;
        current.push([
          u * u * at[0] + 2 * u * t * cx + t * t * x,
          u * u * at[1] + 2 * u * t * cy + t * t * y,
        ]);
      }
      at = [x, y];
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y, c2x, c2y, x, y] = args;
      for (let s = 1; s <= 12; s++) {
        const t = s / 12;
        const u = 1 - t;
        current.push([
          u * u * u * at[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
          u * u * u * at[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
        ]);
      }
      at = [x, y];
    } else if (command === 'closePath') {
      close();
    }
  }
  close();
  return contours;
}
