import type { Box } from '../document/page-tree';

const STEP = 1;

function intersects(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The highest, then rightmost, place for a `width` × `height` box inside `region` that touches none of
 * the `occupied` boxes (all in one coordinate system, y up), or undefined when there is none. Rows
 * are tried from the top down; in each row the box starts at the right edge and jumps left past
 * whatever it hits.
 */
export function findFreeBox(
  occupied: readonly Box[],
  region: Box,
  width: number,
  height: number,
): Box | undefined {
  if (width > region.x2 - region.x1 || height > region.y2 - region.y1) return undefined;
  const inRegion = occupied.filter((box) => intersects(box, region));
  for (let top = region.y2; top - height >= region.y1 - 1e-9; top -= STEP) {
    const band = inRegion.filter((box) => box.y1 < top && box.y2 > top - height);
    let x = region.x2 - width;
    for (;;) {
      const hit = band.filter((box) => box.x1 < x + width && box.x2 > x);
      if (!hit.length) return { x1: x, y1: top - height, x2: x + width, y2: top };
      x = Math.min(...hit.map((box) => box.x1)) - width;
      if (x < region.x1) break;
    }
  }
  return undefined;
}

/**
 * Where a box inside `region` covers the least of the `occupied` boxes (highest, then rightmost,
 * among equals): the place for something that must go in a region with no free room.
 */
export function leastCoveredBox(occupied: readonly Box[], region: Box, width: number, height: number): Box {
  const inRegion = occupied.filter((box) => intersects(box, region));
  let best: Box = { x1: region.x2 - width, y1: region.y2 - height, x2: region.x2, y2: region.y2 };
  let bestArea = Infinity;
  const grid = 4 * STEP;
  for (let top = region.y2; top - height >= region.y1 - 1e-9; top -= grid) {
    for (let x = region.x2 - width; x >= region.x1 - 1e-9; x -= grid) {
      const candidate = { x1: x, y1: top - height, x2: x + width, y2: top };
      let area = 0;
      for (const box of inRegion) area += overlapArea(candidate, box);
      if (area < bestArea) {
        best = candidate;
        bestArea = area;
      }
    }
  }
  return best;
}
