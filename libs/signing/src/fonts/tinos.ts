import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Font } from '@pdf-lib/fontkit';

/** Tinos: Times New Roman metrics (as ND30 asks) with every Vietnamese glyph, in libs/signing/assets. */
const FONT_FILES = { regular: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf' } as const;
export type TinosStyle = keyof typeof FONT_FILES;

const fonts = new Map<TinosStyle, Font>();

/** The parsed font, read once per process. */
export function loadTinos(style: TinosStyle): Font {
  let font = fonts.get(style);
  if (!font) {
    // fontkit is loaded on first use: it adds ~25 MB to a process, which invisible signing never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');
    font = fontkit.create(readFileSync(join(__dirname, '..', '..', 'assets', 'fonts', FONT_FILES[style])));
    fonts.set(style, font);
  }
  return font;
}
