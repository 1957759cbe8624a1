import { createHash } from 'node:crypto';
import { CoverageMask, type Point } from './raster';

/** Ink of a ballpoint pen: the blue ND30 asks for. */
export const SIGNATURE_INK = [22, 52, 170] as const;
export const SIGNATURE_IMAGE_DPI = 300;

/**
 * A demo handwritten signature: a blue cursive scrawl (a capital, then slanted loops of varying
 * height written left to right, then an underline flourish) on a transparent background, 600×240 px (about 51×20 mm at 300 dpi).
 * The same seed always draws the same signature.
 */
export function renderSignaturePng(seed: string): Buffer {
  const width = 600;
  const height = 240;
  const random = seededRandom(seed);
  const mask = new CoverageMask(width, height);

  const stroke: Point[] = [];
  const baseline = height * 0.56;
  const startX = 70 + random() * 20;
  const endX = width - 120 - random() * 30;
  // a capital: one tall slanted oval the rest of the name runs out of
  const capitalHeight = 80 + random() * 30;
  for (let i = 0; i <= 120; i++) {
    const a = Math.PI * 0.5 + (i / 120) * Math.PI * 2.1;
    stroke.push([
      startX + 28 * Math.cos(a) + 0.35 * capitalHeight * (0.5 - Math.sin(a) / 2),
      baseline - capitalHeight * (0.5 - Math.sin(a) / 2),
    ]);
  }
  // then lower-case loops of varying height (ascenders among them), slanted to the right
  const letters = 6 + Math.floor(random() * 4);
  const heights = Array.from({ length: letters + 1 }, () =>
    random() < 0.3 ? 55 + random() * 25 : 18 + random() * 18,
  );
  const [fromX] = stroke[stroke.length - 1];
  const steps = 700;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const k = Math.min(letters - 1, Math.floor(t * letters));
    const f = t * letters - k;
    const h = heights[k] + (heights[k + 1] - heights[k]) * f * f * (3 - 2 * f);
    const phase = t * letters * 2 * Math.PI;
    const lift = h * (1 - Math.cos(phase)) * 0.5;
    const x = fromX + t * (endX - fromX) - 9 * Math.sin(phase) + lift * 0.3;
    const y = baseline - lift + 6 * Math.sin(t * Math.PI * 1.5);
    stroke.push([x, y]);
  }
  // the flourish: back under the name and out to the right
  const [lastX, lastY] = stroke[stroke.length - 1];
  const underY = height * 0.78 + random() * 10;
  const flourish = quadratic([lastX, lastY], [width - 40, underY + 30], [startX - 10, underY], 160);
  const tail = quadratic(
    [startX - 10, underY],
    [width * 0.5, underY - 25],
    [width - 30, underY - 10 - random() * 15],
    200,
  );
  drawPen(mask, [...stroke, ...flourish.slice(1), ...tail.slice(1)]);
  return mask.toPng(SIGNATURE_INK, SIGNATURE_IMAGE_DPI, 0.96);
}

/** Stamps the nib along the path; faster segments come out thinner, as with a real pen. */
function drawPen(mask: CoverageMask, path: readonly Point[]): void {
  for (let i = 1; i < path.length; i++) {
    const [x0, y0] = path[i - 1];
    const [x1, y1] = path[i];
    const length = Math.hypot(x1 - x0, y1 - y0);
    const radius = Math.max(1.6, 4.2 - length * 0.35);
    const stamps = Math.max(1, Math.ceil(length / 0.6));
    for (let s = 0; s <= stamps; s++) {
      mask.disc(x0 + ((x1 - x0) * s) / stamps, y0 + ((y1 - y0) * s) / stamps, radius);
    }
  }
}

function quadratic(a: Point, control: Point, b: Point, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    return [
      u * u * a[0] + 2 * u * t * control[0] + t * t * b[0],
      u * u * a[1] + 2 * u * t * control[1] + t * t * b[1],
    ];
  });
}

/** mulberry32 seeded from SHA-256 of the seed. */
function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
