import { deflateSync } from 'node:zlib';
import type { Box } from '../document/page-tree';
import type { IncrementalUpdate } from '../io/incremental-update';
import { PdfDict, PdfStream, dict, name, type PdfRef } from '../io/pdf-objects';

/** Width and height as the reader sees them: swapped on pages shown rotated by 90° or 270°. */
export function visualSize(rect: Box, rotate: number): [number, number] {
  const w = rect.x2 - rect.x1;
  const h = rect.y2 - rect.y1;
  return rotate === 90 || rotate === 270 ? [h, w] : [w, h];
}

const ROTATION_MATRIX: Record<number, number[]> = {
  90: [0, 1, -1, 0, 0, 0],
  180: [-1, 0, 0, -1, 0, 0],
  270: [0, -1, 1, 0, 0, 0],
};

/**
 * Adds a Form XObject drawn in the reader's orientation: its /BBox is the visual size and, on a
 * rotated page, its /Matrix turns it back so it appears upright (the viewer fits the transformed box
 * into the widget's /Rect).
 */
export function writeFormXObject(
  update: IncrementalUpdate,
  visual: [number, number],
  content: string,
  resources: PdfDict,
  rotate = 0,
): PdfRef {
  const raw = Buffer.from(content, 'latin1');
  const compress = raw.length > 256;
  return update.add(
    new PdfStream(
      dict({
        Type: name('XObject'),
        Subtype: name('Form'),
        BBox: [0, 0, round(visual[0]), round(visual[1])],
        Matrix: ROTATION_MATRIX[rotate],
        Resources: resources,
        Filter: compress ? name('FlateDecode') : undefined,
      }),
      compress ? deflateSync(raw) : raw,
    ),
  );
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
