import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PNG } from 'pngjs';
import { pdfSigningError } from '../../pdf-signing.errors';
import type { IncrementalUpdate } from '../io/incremental-update';
import { PdfStream, dict, name, type PdfRef } from '../io/pdf-objects';

/** A PNG decoded into PDF image data: RGB samples and, when not fully opaque, an alpha soft mask. */
export interface PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
  readonly alpha: Buffer | undefined;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CACHE_SIZE = 16;
const cache = new Map<string, PreparedImage>();

/**
 * Decodes and compresses a PNG once per distinct image: a leader's signature and an agency's seal
 * are the same bytes on every document, and decoding plus deflating is most of the cost of a
 * visible signature. Throws IMAGE_NOT_PNG.
 */
export function preparePng(png: Buffer): PreparedImage {
  if (png.length < PNG_MAGIC.length || !png.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC))
    throw pdfSigningError('IMAGE_NOT_PNG');
  const key = createHash('sha256').update(png).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let decoded: PNG;
  try {
    // Loaded on first use, like fontkit: invisible signatures need no image decoder.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PNG: Decoder } = require('pngjs') as typeof import('pngjs');
    decoded = Decoder.sync.read(png);
  } catch {
    throw pdfSigningError('IMAGE_NOT_PNG');
  }
  const { width, height, data } = decoded;
  if (width < 1 || height < 1) throw pdfSigningError('IMAGE_NOT_PNG');
  const pixels = width * height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    rgb[i * 3] = data[j];
    rgb[i * 3 + 1] = data[j + 1];
    rgb[i * 3 + 2] = data[j + 2];
    alpha[i] = data[j + 3];
    if (data[j + 3] !== 255) opaque = false;
  }
  const prepared: PreparedImage = {
    width,
    height,
    rgb: deflateSync(rgb),
    alpha: opaque ? undefined : deflateSync(alpha),
  };
  cache.set(key, prepared);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return prepared;
}

/** Adds the image XObject (and its /SMask) to the update. */
export function writeImage(update: IncrementalUpdate, image: PreparedImage): PdfRef {
  const common = {
    Type: name('XObject'),
    Subtype: name('Image'),
    Width: image.width,
    Height: image.height,
    BitsPerComponent: 8,
  };
  const smask = image.alpha
    ? update.add(
        new PdfStream(
          dict({ ...common, ColorSpace: name('DeviceGray'), Filter: name('FlateDecode') }),
          image.alpha,
        ),
      )
    : undefined;
  return update.add(
    new PdfStream(
      dict({ ...common, ColorSpace: name('DeviceRGB'), Filter: name('FlateDecode'), SMask: smask }),
      image.rgb,
    ),
  );
}
