import type { Box } from '../document/page-tree';
import type { IncrementalUpdate } from '../io/incremental-update';
import { dict, type PdfRef } from '../io/pdf-objects';
import { formatNumber } from '../io/pdf-serializer';
import type { FontSubset } from './font-subset';
import { round, visualSize, writeFormXObject } from './form-xobject';
import { imageForBox, writeImage, type DecodedImage } from './png-image';

/** One line of text in an appearance, in the appearance's own (visual) coordinates. */
export interface AppearanceText {
  readonly text: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly size: number;
}

const n = (value: number): string => formatNumber(round(value));

/**
 * The image stretched over the whole widget (callers size the widget to the image's aspect), embedded
 * at print resolution for the widget's size.
 */
export function imageAppearance(
  image: DecodedImage,
  rect: Box,
  rotate: number,
): (update: IncrementalUpdate) => PdfRef {
  return (update) => {
    const [w, h] = visualSize(rect, rotate);
    const imageRef = writeImage(update, imageForBox(image, w, h));
    const content = `q ${n(w)} 0 0 ${n(h)} 0 0 cm /Img Do Q`;
    return writeFormXObject(update, [w, h], content, dict({ XObject: dict({ Img: imageRef }) }), rotate);
  };
}

/**
 * Text drawn with the embedded subset font (black unless told). `fontRef` is allocated by the caller
 * so that several widgets share one embedded font.
 */
export function textAppearance(
  font: FontSubset,
  fontRef: PdfRef,
  rect: Box,
  rotate: number,
  lines: readonly AppearanceText[],
): (update: IncrementalUpdate) => PdfRef {
  return (update) => {
    const [w, h] = visualSize(rect, rotate);
    let content = 'q BT 0 g';
    for (const line of lines) {
      content += ` /F1 ${n(line.size)} Tf 1 0 0 1 ${n(line.x)} ${n(line.y)} Tm <${font.encode(line.text)}> Tj`;
    }
    content += ' ET Q';
    return writeFormXObject(update, [w, h], content, dict({ Font: dict({ F1: fontRef }) }), rotate);
  };
}
