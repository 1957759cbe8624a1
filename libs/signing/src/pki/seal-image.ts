import { CoverageMask, type Point } from './raster';
import { shapeLine, tinosBold } from './glyph-outlines';

/** Seal ink and size: a 40 mm round seal drawn at 300 dpi, so it can be placed at its true size. */
export const SEAL_INK = [206, 17, 38] as const;
export const SEAL_IMAGE_DPI = 300;
export const SEAL_DIAMETER_MM = 40;

/**
 * A demo round seal in the usual Vietnamese layout: a thick outer ring, a thin inner ring, the agency
 * name in capitals (with its diacritics) set clockwise around the band between them, and a five-point
 * star in the centre. Transparent background, red ink.
 */
export function renderSealPng(agencyName: string): Buffer {
  const size = Math.round((SEAL_DIAMETER_MM / 25.4) * SEAL_IMAGE_DPI); // 472 px
  const c = size / 2;
  const mask = new CoverageMask(size, size);
  const outer = c - 6;
  mask.ring(c, c, outer - 13, outer);
  const inner = outer - 72;
  mask.ring(c, c, inner - 4, inner);
  drawArcText(mask, c, agencyName.toLocaleUpperCase('vi').trim(), inner + 14, outer - 13 - 12);
  mask.fillPolygons([star(c, c, inner * 0.62, inner * 0.62 * 0.382)]);
  return mask.toPng(SEAL_INK, SEAL_IMAGE_DPI);
}

/** Glyphs sit on a circle of radius `baseline`, tops outward, centred on the top of the seal. */
function drawArcText(mask: CoverageMask, c: number, text: string, baseline: number, maxTop: number): void {
  const font = tinosBold();
  const spacing = font.unitsPerEm * 0.06;
  let line = shapeLine(font, text, spacing);
  // Capitals with Vietnamese marks above them reach about 1.3 cap heights.
  let scale = (maxTop - baseline) / (line.capHeight * 1.3);
  const maxSweep = (310 / 180) * Math.PI;
  const minSweep = (150 / 180) * Math.PI;
  if ((line.width * scale) / baseline > maxSweep) scale = (maxSweep * baseline) / line.width;
  if ((line.width * scale) / baseline < minSweep && line.glyphs.length > 1) {
    // a short name is spread out rather than huddled at the top
    const extra = ((minSweep * baseline) / scale - line.width) / (line.glyphs.length - 1);
    line = shapeLine(font, text, spacing + extra);
  }
  const sweep = (line.width * scale) / baseline;
  const polygons: Point[][] = [];
  for (const glyph of line.glyphs) {
    const angle = -sweep / 2 + ((glyph.x + glyph.advance / 2) * scale) / baseline;
    const out: Point = [Math.sin(angle), -Math.cos(angle)];
    const along: Point = [Math.cos(angle), Math.sin(angle)];
    for (const contour of glyph.contours) {
      polygons.push(
        contour.map(([gx, gy]) => {
          const lx = (gx - glyph.advance / 2) * scale;
          const ly = (gy + glyph.y) * scale;
          return [c + (baseline + ly) * out[0] + lx * along[0], c + (baseline + ly) * out[1] + lx * along[1]];
        }),
      );
    }
  }
  mask.fillPolygons(polygons);
}

function star(cx: number, cy: number, outerRadius: number, innerRadius: number): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outerRadius : innerRadius;
    const a = (i * Math.PI) / 5;
    return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
  });
}
