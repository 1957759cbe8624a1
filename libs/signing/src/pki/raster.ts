import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';

export type Point = readonly [number, number];

const SUBSCANLINES = 8;

/**
 * A single-colour anti-aliased coverage mask: enough to draw seals and signatures without a canvas
 * library. Shapes combine by maximum coverage, so overlapping parts of one colour do not darken.
 */
export class CoverageMask {
  readonly coverage: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.coverage = new Float32Array(width * height);
  }

  /** Fills closed polygons with the non-zero winding rule (glyph outlines, stars). */
  fillPolygons(polygons: readonly (readonly Point[])[]): void {
    const edges = polygons.flatMap((poly) =>
      poly.map((from, i) => {
        const to = poly[(i + 1) % poly.length];
        return { x0: from[0], y0: from[1], x1: to[0], y1: to[1] };
      }),
    );
    const ys = edges.flatMap((e) => [e.y0, e.y1]);
    if (ys.length === 0) return;
    const top = Math.max(0, Math.floor(Math.min(...ys)));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    const row = new Float32Array(this.width);
    for (let py = top; py <= bottom; py++) {
      row.fill(0);
      for (let s = 0; s < SUBSCANLINES; s++) {
        const y = py + (s + 0.5) / SUBSCANLINES;
        const crossings: { x: number; dir: number }[] = [];
        for (const e of edges) {
          if (e.y0 === e.y1 || y < Math.min(e.y0, e.y1) || y >= Math.max(e.y0, e.y1)) continue;
          crossings.push({
            x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0),
            dir: e.y1 > e.y0 ? 1 : -1,
          });
        }
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        for (let i = 0; i < crossings.length - 1; i++) {
          winding += crossings[i].dir;
          if (winding !== 0) this.addSpan(row, crossings[i].x, crossings[i + 1].x, 1 / SUBSCANLINES);
        }
      }
      const offset = py * this.width;
      for (let x = 0; x < this.width; x++) {
        if (row[x] > this.coverage[offset + x]) this.coverage[offset + x] = Math.min(1, row[x]);
      }
    }
  }

  /** A filled disc with a one-pixel soft edge (pen stamps, dots). */
  disc(cx: number, cy: number, radius: number): void {
    this.shade(cx - radius - 1, cy - radius - 1, cx + radius + 1, cy + radius + 1, (x, y) => {
      return radius - Math.hypot(x - cx, y - cy) + 0.5;
    });
  }

  /** An annulus between two radii (seal rings). */
  ring(cx: number, cy: number, inner: number, outer: number): void {
    this.shade(cx - outer - 1, cy - outer - 1, cx + outer + 1, cy + outer + 1, (x, y) => {
      const d = Math.hypot(x - cx, y - cy);
      return Math.min(d - inner, outer - d) + 0.5;
    });
  }

  /** RGBA PNG: the colour everywhere, alpha from coverage; `dpi` is recorded so the image has a true size. */
  toPng(color: readonly [number, number, number], dpi: number, opacity = 1): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    for (let i = 0; i < this.coverage.length; i++) {
      png.data[i * 4] = color[0];
      png.data[i * 4 + 1] = color[1];
      png.data[i * 4 + 2] = color[2];
      png.data[i * 4 + 3] = Math.round(Math.min(1, this.coverage[i]) * opacity * 255);
    }
    return withPhysicalSize(PNG.sync.write(png), dpi);
  }

  private addSpan(row: Float32Array, from: number, to: number, weight: number): void {
    const start = Math.max(0, from);
    const end = Math.min(this.width, to);
    if (end <= start) return;
    const first = Math.floor(start);
    const last = Math.min(this.width - 1, Math.floor(end));
    if (first === last) {
      row[first] += (end - start) * weight;
      return;
    }
    row[first] += (first + 1 - start) * weight;
    for (let x = first + 1; x < last; x++) row[x] += weight;
    if (last < this.width) row[last] += (end - last) * weight;
  }

  private shade(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    value: (x: number, y: number) => number,
  ): void {
    const left = Math.max(0, Math.floor(x0));
    const right = Math.min(this.width - 1, Math.ceil(x1));
    const top = Math.max(0, Math.floor(y0));
    const bottom = Math.min(this.height - 1, Math.ceil(y1));
    for (let y = top; y <= bottom; y++) {
      for (let x = left; x <= right; x++) {
        const c = Math.max(0, Math.min(1, value(x + 0.5, y + 0.5)));
        const i = y * this.width + x;
        if (c > this.coverage[i]) this.coverage[i] = c;
      }
    }
  }
}

/** Inserts a pHYs chunk right after IHDR (PNG spec 11.3.5.3): pixels per metre, unit = metre. */
function withPhysicalSize(png: Buffer, dpi: number): Buffer {
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data[8] = 1;
  const typeAndData = Buffer.concat([Buffer.from('pHYs', 'latin1'), data]);
  const chunk = Buffer.alloc(4 + typeAndData.length + 4);
  chunk.writeUInt32BE(data.length, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData) >>> 0, 4 + typeAndData.length);
  const afterIhdr = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
  return Buffer.concat([png.subarray(0, afterIhdr), chunk, png.subarray(afterIhdr)]);
}
