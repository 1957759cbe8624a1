import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { APPEARANCE_IMAGE_LIMITS } from './image-limits';
import { checkAppearanceImage, decodePng, imageForBox, pngDimensions } from './png-image';

/** The signature and 8 header bytes of a PNG claiming `width` × `height`, and nothing after: never decodable. */
function pngHeader(width: number, height: number, padTo = 64): Buffer {
  const bytes = Buffer.alloc(padTo);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

/** A blue stroke (0, 40, 200) on a transparent background stored as transparent black. */
function signaturePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(0);
  for (let y = Math.floor(height * 0.4) + 1; y < Math.floor(height * 0.6); y++)
    for (let x = Math.floor(width * 0.1) + 1; x < Math.floor(width * 0.9); x++) {
      const i = (y * width + x) * 4;
      png.data[i + 1] = 40;
      png.data[i + 2] = 200;
      png.data[i + 3] = 255;
    }
  // one filter for all rows: pngjs choosing filters row by row takes seconds for this size under Jest
  return PNG.sync.write(png, { filterType: 0 });
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('appearance image limits', () => {
  it('refuses an image over the limits from its header, before decoding anything', () => {
    // none of these could be decoded: only the header is there
    expect(codeOf(() => pngDimensions(pngHeader(8000, 8000)))).toBe('IMAGE_TOO_LARGE');
    expect(codeOf(() => pngDimensions(pngHeader(APPEARANCE_IMAGE_LIMITS.maxSide + 1, 10)))).toBe(
      'IMAGE_TOO_LARGE',
    );
    expect(codeOf(() => pngDimensions(pngHeader(2001, 2000)))).toBe('IMAGE_TOO_LARGE');
    expect(codeOf(() => pngDimensions(pngHeader(10, 10, APPEARANCE_IMAGE_LIMITS.maxBytes + 1)))).toBe(
      'IMAGE_TOO_LARGE',
    );
    expect(pngDimensions(pngHeader(2000, 2000))).toEqual({ width: 2000, height: 2000 });
    expect(codeOf(() => decodePng(pngHeader(2000, 2000)))).toBe('IMAGE_NOT_PNG');
  });

  it('checks an upload by decoding it', () => {
    expect(checkAppearanceImage(signaturePng(60, 24))).toEqual({ width: 60, height: 24 });
    expect(codeOf(() => checkAppearanceImage(Buffer.from('GIF89a')))).toBe('IMAGE_NOT_PNG');
    const truncated = signaturePng(60, 24).subarray(0, 60);
    expect(codeOf(() => checkAppearanceImage(truncated))).toBe('IMAGE_NOT_PNG');
  });
});

describe('imageForBox', () => {
  it('scales a large image down to 300 dpi of the printed box, keeping the ink colour at its edges', () => {
    const image = decodePng(signaturePng(2400, 960));
    // 180 × 72 pt is 2.5 × 1 inch: 750 × 300 pixels at 300 dpi
    const prepared = imageForBox(image, 180, 72);
    expect([prepared.width, prepared.height]).toEqual([750, 300]);
    const rgb = inflateSync(prepared.rgb);
    const alpha = inflateSync(prepared.alpha!);
    expect(alpha.length).toBe(750 * 300);
    let partial = 0;
    const colours = new Set<string>();
    for (let i = 0; i < alpha.length; i++) {
      if (alpha[i] === 0) continue;
      if (alpha[i] < 255) partial++;
      colours.add(`${rgb[i * 3]},${rgb[i * 3 + 1]},${rgb[i * 3 + 2]}`);
    }
    // averaged by alpha: edge pixels are lighter, not darker (transparent black does not bleed in)
    expect([...colours]).toEqual(['0,40,200']);
    expect(partial).toBeGreaterThan(0);
  });

  it('never scales up, and embeds a small image as it is', () => {
    const image = decodePng(signaturePng(300, 120));
    const prepared = imageForBox(image, 180, 72);
    expect([prepared.width, prepared.height]).toEqual([300, 120]);
    expect(imageForBox(image, 180, 72)).toBe(prepared);
  });
});
