import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PNG } from 'pngjs';
import { pdfSigningError } from '../../pdf-signing.errors';
import type { IncrementalUpdate } from '../io/incremental-update';
import { PdfStream, dict, name, type PdfRef } from '../io/pdf-objects';
import { downsampleRgba } from './downsample';
import { APPEARANCE_IMAGE_LIMITS } from './image-limits';

/** The resolution images are embedded at: a print resolution, higher only if the PNG is smaller. */
export const EMBEDDED_IMAGE_DPI = 300;

/** A PNG decoded to RGBA once per distinct image (a leader's signature is the same on every document). */
export interface DecodedImage {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly rgba: Buffer;
}

/** Image data as a PDF image XObject takes it: RGB samples and, when not fully opaque, an alpha mask. */
export interface PreparedImage {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
  readonly alpha: Buffer | undefined;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IHDR = Buffer.from('IHDR', 'latin1');
const DECODED_KEPT = 4;
const PREPARED_KEPT = 16;
const decodedCache = new Map<string, DecodedImage>();
const preparedCache = new Map<string, PreparedImage>();

function remember<T>(cache: Map<string, T>, key: string, value: T, kept: number): T {
  cache.set(key, value);
  if (cache.size > kept) cache.delete(cache.keys().next().value!);
  return value;
}

function recall<T>(cache: Map<string, T>, key: string): T | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Width and height from the PNG's header, checked against the limits before any pixel is decoded.
 * Throws IMAGE_NOT_PNG for anything but a PNG, IMAGE_TOO_LARGE beyond the limits.
 */
export function pngDimensions(png: Buffer): { width: number; height: number } {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || !png.subarray(12, 16).equals(IHDR))
    throw pdfSigningError('IMAGE_NOT_PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || height < 1) throw pdfSigningError('IMAGE_NOT_PNG');
  const { maxBytes, maxSide, maxPixels } = APPEARANCE_IMAGE_LIMITS;
  if (png.length > maxBytes || width > maxSide || height > maxSide || width * height > maxPixels)
    throw pdfSigningError('IMAGE_TOO_LARGE', {
      width,
      height,
      bytes: png.length,
      ...APPEARANCE_IMAGE_LIMITS,
    });
  return { width, height };
}

/** Checks and decodes a signature or seal PNG (once per distinct image). IMAGE_NOT_PNG, IMAGE_TOO_LARGE. */
export function decodePng(png: Buffer): DecodedImage {
  const { width, height } = pngDimensions(png);
  const key = createHash('sha256').update(png).digest('hex');
  const hit = recall(decodedCache, key);
  if (hit) return hit;
  let decoded: PNG;
  try {
    // Loaded on first use, like fontkit: invisible signatures need no image decoder.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PNG: Decoder } = require('pngjs') as typeof import('pngjs');
    decoded = Decoder.sync.read(png);
  } catch {
    throw pdfSigningError('IMAGE_NOT_PNG');
  }
  if (decoded.width !== width || decoded.height !== height) throw pdfSigningError('IMAGE_NOT_PNG');
  return remember(decodedCache, key, { key, width, height, rgba: decoded.data }, DECODED_KEPT);
}

/**
 * Checks a signature or seal image as it is uploaded, the way signing will read it: a PNG within
 * APPEARANCE_IMAGE_LIMITS that decodes. Returns its size. IMAGE_NOT_PNG, IMAGE_TOO_LARGE.
 */
export function checkAppearanceImage(png: Buffer): { width: number; height: number } {
  const { width, height } = decodePng(png);
  return { width, height };
}

/**
 * The image to embed for a box of `widthPt` × `heightPt`: scaled down (never up) to
 * EMBEDDED_IMAGE_DPI, then split into compressed RGB and alpha. Kept per image and size, so a
 * signature drawn at the same size on many documents is prepared once.
 */
export function imageForBox(image: DecodedImage, widthPt: number, heightPt: number): PreparedImage {
  const pixelsPerPoint = EMBEDDED_IMAGE_DPI / 72;
  const scale = Math.min(
    1,
    Math.max((widthPt * pixelsPerPoint) / image.width, (heightPt * pixelsPerPoint) / image.height),
  );
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const key = `${image.key}:${width}x${height}`;
  const hit = recall(preparedCache, key);
  if (hit) return hit;
  const rgba =
    width === image.width && height === image.height
      ? image.rgba
      : downsampleRgba(image.rgba, image.width, image.height, width, height);
  const pixels = width * height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    rgb[i * 3] = rgba[j];
    rgb[i * 3 + 1] = rgba[j + 1];
    rgb[i * 3 + 2] = rgba[j + 2];
    alpha[i] = rgba[j + 3];
    if (rgba[j + 3] !== 255) opaque = false;
  }
  return remember(
    preparedCache,
    key,
    { width, height, rgb: deflateSync(rgb), alpha: opaque ? undefined : deflateSync(alpha) },
    PREPARED_KEPT,
  );
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
