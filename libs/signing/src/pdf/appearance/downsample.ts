/** For each output index, the source indices it covers and the share of each (summing to 1). */
function coverage(
  source: number,
  target: number,
): { first: Int32Array; count: Int32Array; weights: Float64Array[] } {
  const ratio = source / target;
  const first = new Int32Array(target);
  const count = new Int32Array(target);
  const weights: Float64Array[] = [];
  for (let i = 0; i < target; i++) {
    const start = i * ratio;
    const end = Math.min(source, (i + 1) * ratio);
    const from = Math.floor(start);
    const to = Math.min(source, Math.ceil(end));
    const w = new Float64Array(to - from);
    for (let s = from; s < to; s++) w[s - from] = (Math.min(end, s + 1) - Math.max(start, s)) / ratio;
    first[i] = from;
    count[i] = to - from;
    weights.push(w);
  }
  return { first, count, weights };
}

/**
 * Scales RGBA pixels down by area averaging (each output pixel is the mean of the source area it
 * covers), one axis at a time. Colours are averaged weighted by their alpha, so the transparent
 * background of a signature (often stored as transparent black) does not darken the ink's edges.
 */
export function downsampleRgba(
  rgba: Buffer,
  width: number,
  height: number,
  targetWidth: number,
  targetHeight: number,
): Buffer {
  const across = coverage(width, targetWidth);
  // Horizontal pass into premultiplied floats: height rows of targetWidth pixels.
  const rows = new Float32Array(height * targetWidth * 4);
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < targetWidth; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      const w = across.weights[x];
      for (let k = 0; k < across.count[x]; k++) {
        const p = row + (across.first[x] + k) * 4;
        const alpha = rgba[p + 3] * w[k];
        r += rgba[p] * alpha;
        g += rgba[p + 1] * alpha;
        b += rgba[p + 2] * alpha;
        a += alpha;
      }
      const o = (y * targetWidth + x) * 4;
      rows[o] = r;
      rows[o + 1] = g;
      rows[o + 2] = b;
      rows[o + 3] = a;
    }
  }
  const down = coverage(height, targetHeight);
  const out = Buffer.alloc(targetWidth * targetHeight * 4);
  for (let y = 0; y < targetHeight; y++) {
    const w = down.weights[y];
    for (let x = 0; x < targetWidth; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let k = 0; k < down.count[y]; k++) {
        const p = ((down.first[y] + k) * targetWidth + x) * 4;
        r += rows[p] * w[k];
        g += rows[p + 1] * w[k];
        b += rows[p + 2] * w[k];
        a += rows[p + 3] * w[k];
      }
      const o = (y * targetWidth + x) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
      }
      out[o + 3] = Math.round(a);
    }
  }
  return out;
}
