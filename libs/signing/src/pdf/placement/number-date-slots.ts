import { foldSegment, foldText, type TextSegment } from './text-lines';

/** A horizontal slot on a text line: text goes between `x1` and `x2` on baseline `y`. */
export interface TextSlot {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly size: number;
}

/** The "Số:" slot: where the number goes, and whether the notation is already printed after it. */
export interface NumberSlot extends TextSlot {
  /** True when "/notation" follows the blank, so only the number is written (right-aligned to "/"). */
  readonly notationPrinted: boolean;
}

export interface DateSlots {
  readonly line: TextSegment;
  readonly day: TextSlot | undefined;
  readonly month: TextSlot | undefined;
  /** Undefined when the year is already printed. */
  readonly year: TextSlot | undefined;
}

const NUMBER_LABEL = /(^|[^a-z0-9])so\s*:/;
const BLANK = '[\\s._\u2026-]*';
const DATE_LINE = new RegExp(
  `ngay(${BLANK})(\\d{1,2})?(${BLANK})thang(${BLANK})(\\d{1,2})?(${BLANK})nam(${BLANK})(\\d{4})?`,
  'd',
);

/**
 * The topmost "Số:" label (the header's number line, not a "số" inside the body). The number's slot
 * runs from after the colon to the "/" of a printed notation, or for one number's width otherwise.
 */
export function findNumberSlot(segments: readonly TextSegment[]): NumberSlot | undefined {
  const found = segments
    .filter((segment) => segment.text.includes(':') && NUMBER_LABEL.test(foldText(segment.text)))
    .map((segment) => ({ segment, folded: foldSegment(segment.text) }))
    .sort((a, b) => b.segment.y - a.segment.y)[0];
  if (!found) return undefined;
  const { segment, folded } = found;
  const match = NUMBER_LABEL.exec(folded.text)!;
  const colon = folded.source[match.index + match[0].length - 1];
  const slash = segment.text.indexOf('/', colon + 1);
  const between = slash >= 0 ? segment.text.slice(colon + 1, slash) : segment.text.slice(colon + 1);
  const notationPrinted = slash >= 0 && /^\s*$/.test(between);
  const x1 = segment.right[colon];
  const x2 = notationPrinted ? segment.left[slash] : x1 + segment.size * 6;
  return { x1, x2, y: segment.y, size: segment.size, notationPrinted };
}

/** The date line "…, ngày …… tháng …… năm ……": the blanks after ngày, tháng and (if empty) năm. */
export function findDateSlots(segments: readonly TextSegment[]): DateSlots | undefined {
  for (const segment of [...segments].sort((a, b) => b.y - a.y)) {
    if (!foldText(segment.text).includes('thang')) continue;
    const folded = foldSegment(segment.text);
    const match = DATE_LINE.exec(folded.text) as (RegExpExecArray & { indices: [number, number][] }) | null;
    if (!match) continue;
    const at = (foldedIndex: number, edge: 'left' | 'right'): number => {
      const source = folded.source[Math.min(foldedIndex, folded.source.length - 1)];
      return edge === 'left' ? segment.left[source] : segment.right[source];
    };
    const slot = (start: number, end: number): TextSlot => ({
      x1: start,
      x2: end,
      y: segment.y,
      size: segment.size,
    });
    const [, afterDay, dayDigits, , afterMonth, monthDigits, , afterYear, yearDigits] = match.indices;
    const dayStart = at(afterDay[0] - 1, 'right');
    const monthWord = afterMonth[0] - 'thang'.length;
    const yearWord = afterYear[0] - 'nam'.length;
    const day = dayDigits ? undefined : slot(dayStart, at(monthWord, 'left'));
    const month = monthDigits ? undefined : slot(at(afterMonth[0] - 1, 'right'), at(yearWord, 'left'));
    const yearStart = at(afterYear[0] - 1, 'right');
    const year = yearDigits ? undefined : slot(yearStart, yearStart + segment.size * 3);
    return { line: segment, day, month, year };
  }
  return undefined;
}
