import { foldVietnamese } from '@vanthu/shared';
import type { Box } from '../document/page-tree';
import { foldText, normalizeSpaces, type TextSegment } from './text-lines';

/** The signer block of an ND30 document: the name line and the title line above it. */
export interface SignerBlock {
  readonly name: TextSegment;
  readonly title: TextSegment | undefined;
}

const ASCENT = 0.9;
const DESCENT = 0.25;
/** Room above the name when no title line is found, and the largest personal image. */
const DEFAULT_GAP = 72;
const MAX_IMAGE_HEIGHT = 90;
const MAX_IMAGE_WIDTH = 180;
const MIN_IMAGE_HEIGHT = 24;
const MARGIN = 3;

const fold = (text: string): string => normalizeSpaces(foldText(text));

function overlaps(a: TextSegment, b: TextSegment): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0;
}

/**
 * Finds the line holding exactly the signer's full name (lowest on the page when repeated, since the
 * signer block closes the document), then the nearest line above it in the same column: the title
 * (e.g. "CHỦ TỊCH"), which sits above the blank space kept for the signature.
 */
export function findSignerBlock(segments: readonly TextSegment[], fullName: string): SignerBlock | undefined {
  const wanted = normalizeSpaces(foldVietnamese(fullName));
  if (!wanted) return undefined;
  const folded = segments.map((s) => fold(s.text));
  const exact = segments.filter((_, i) => folded[i] === wanted);
  const containing = segments.filter((_, i) => ` ${folded[i]} `.includes(` ${wanted} `));
  const candidates = exact.length ? exact : containing;
  if (!candidates.length) return undefined;
  const name = candidates.reduce((low, s) => (s.y < low.y ? s : low));
  const above = segments.filter((s) => s !== name && s.y > name.y + name.size * 0.8 && overlaps(s, name));
  const title = above.length ? above.reduce((near, s) => (s.y < near.y ? s : near)) : undefined;
  return { name, title };
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’-]*$/u;
const TITLE_CHARS = /^[\p{Lu}\p{M}\s.,'’()-]+$/u;
/** How far above a name its title line may be: the signature gap is 3–5 lines. */
const TITLE_REACH = 10;

/** Two to six words, each capitalised and otherwise lower case: "Nguyễn Văn An", "Y Ngông Niê Kdăm". */
function looksLikeName(text: string): boolean {
  const words = normalizeSpaces(text).split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((w) => NAME_WORD.test(w));
}

/**
 * The signer's name as printed, when it is not the one looked for: the lowest line that looks like a
 * person's name under an upper-case title line of the same column ("CHỦ TỊCH", "KT. GIÁM ĐỐC"),
 * which is how ND30 closes a document. Used to tell the person which name the document shows.
 */
export function findPrintedSignerName(segments: readonly TextSegment[]): string | undefined {
  const names = segments.filter((name) => {
    if (!looksLikeName(name.text)) return false;
    return segments.some(
      (title) =>
        title !== name &&
        title.y > name.y + name.size * 0.8 &&
        title.y < name.y + name.size * TITLE_REACH &&
        overlaps(title, name) &&
        /\p{Lu}{2}/u.test(title.text) &&
        TITLE_CHARS.test(title.text.trim()),
    );
  });
  if (!names.length) return undefined;
  return normalizeSpaces(names.reduce((low, s) => (s.y < low.y ? s : low)).text);
}

/** The image rectangle centred in the gap between the title line and the name line. */
export function personalImageBox(block: SignerBlock, imageWidth: number, imageHeight: number): Box {
  const { name, title } = block;
  const bottom = name.y + name.size * ASCENT;
  const top = title ? title.y - title.size * DESCENT : bottom + DEFAULT_GAP;
  const available = Math.max(MIN_IMAGE_HEIGHT, top - bottom - 2 * MARGIN);
  const scale = Math.min(MAX_IMAGE_WIDTH / imageWidth, Math.min(MAX_IMAGE_HEIGHT, available) / imageHeight);
  const w = imageWidth * scale;
  const h = imageHeight * scale;
  const cx = (name.x1 + name.x2) / 2;
  const cy = top - bottom >= h + 2 * MARGIN ? (top + bottom) / 2 : bottom + MARGIN + h / 2;
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
}
