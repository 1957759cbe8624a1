import { pdfSigningError } from '../../pdf-signing.errors';
import { imageAppearance, textAppearance, type AppearanceText } from '../appearance/appearance-streams';
import { prepareFontSubset, type FontSubset } from '../appearance/font-subset';
import { decodePng } from '../appearance/png-image';
import type { Box, PageInfo } from '../document/page-tree';
import type { IncrementalUpdate } from '../io/incremental-update';
import type { PdfRef } from '../io/pdf-objects';
import { vietnamDate } from '../io/pdf-text';
import type { OrganisationSignRequest, PagePlacement } from '../pdf-sign-request';
import type { WidgetPlan } from '../signature/append-signature';
import { resolvePlacement } from '../placement/explicit-placement';
import { locateOnPage } from '../placement/locate-on-page';
import {
  findDateSlots,
  findNumberSlot,
  type DateSlots,
  type NumberSlot,
  type TextSlot,
} from '../placement/number-date-slots';
import {
  DEFAULT_SEAL_DIAMETER_MM,
  findPersonalSignature,
  millimetresToPoints,
  sealBox,
} from '../placement/seal-placement';
import { firstPage, formatDocumentNumber, once, type RoleContext, type RolePlan } from './signature-plan';

const DESCENT = 0.3;
const ASCENT = 0.95;

/** ND30: a day below 10 and the months January and February get a leading zero. */
export function formatIssueDate(
  year: number,
  month: number,
  day: number,
): { day: string; month: string; year: string } {
  return {
    day: day < 10 ? `0${day}` : String(day),
    month: month < 3 ? `0${month}` : String(month),
    year: String(year),
  };
}

function parseIssueDate(value: string | undefined, signingTime: Date): [number, number, number] {
  if (value === undefined) return vietnamDate(signingTime);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCDate() !== +match[3])
    throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'date', value });
  return [+match[1], +match[2], +match[3]];
}

type FontRef = (update: IncrementalUpdate) => PdfRef;

/** A widget showing text pieces, each placed at an absolute position on one baseline. */
function textWidget(
  page: PageInfo,
  font: FontSubset,
  fontRef: FontRef,
  pieces: { text: string; x: number }[],
  y: number,
  size: number,
): WidgetPlan {
  const widths = pieces.map((p) => font.widthOf(p.text, size));
  const x1 = Math.min(...pieces.map((p) => p.x)) - 1;
  const x2 = Math.max(...pieces.map((p, i) => p.x + widths[i])) + 1;
  const rect: Box = { x1, y1: y - DESCENT * size, x2, y2: y + ASCENT * size };
  const lines: AppearanceText[] = pieces.map((p) => ({ text: p.text, x: p.x - x1, y: DESCENT * size, size }));
  return {
    page,
    rect,
    appearance: (update) => textAppearance(font, fontRef(update), rect, page.rotate, lines)(update),
  };
}

/** Text filling an explicit rectangle: one line, vertically centred, shrunk to fit. */
function explicitTextWidget(
  doc: RoleContext['doc'],
  placement: PagePlacement,
  font: FontSubset,
  fontRef: FontRef,
  text: string,
): WidgetPlan {
  const { page, box } = resolvePlacement(doc, placement);
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  let size = Math.min(13, height / 1.2);
  const natural = font.widthOf(text, size);
  if (natural > width - 2) size *= (width - 2) / natural;
  const lines = [{ text, x: 1, y: height / 2 - size * 0.35, size }];
  return {
    page,
    rect: box,
    appearance: (update) => textAppearance(font, fontRef(update), box, page.rotate, lines)(update),
  };
}

/**
 * The clerk's step after the leader signed: the number in the "Số:" slot, the day, month (and year
 * when blank) in the date line, and the seal over the left third of the leader's signature, as three
 * widgets of ONE signature field in ONE incremental update. Nothing is drawn into page content and no
 * comment annotation is added, which would break validators' change analysis of the leader's signature.
 */
export async function planOrganisationSignature(
  request: OrganisationSignRequest,
  context: RoleContext,
): Promise<RolePlan> {
  const { doc } = context;
  const seal = decodePng(request.sealImage);
  const number = formatDocumentNumber(request.number);
  const notation = request.notation.trim();
  const issue = formatIssueDate(...parseIssueDate(request.date, context.signingTime));
  const diameter = millimetresToPoints(request.sealDiameterMm ?? DEFAULT_SEAL_DIAMETER_MM);
  if (!(diameter > 0) || !number || !notation)
    throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'number/notation/sealDiameterMm' });

  const found = await locateOnPage(
    doc,
    0,
    (segments) => {
      const numberSlot = findNumberSlot(segments);
      const dateSlots = findDateSlots(segments);
      return numberSlot || dateSlots ? { numberSlot, dateSlots } : undefined;
    },
    request.textEngine,
  );
  const fullNumber = `${number}/${notation}`;
  const explicitDate = `${request.placeName ? `${request.placeName}, ` : ''}ngày ${issue.day} tháng ${issue.month} năm ${issue.year}`;
  const font = await prepareFontSubset([fullNumber, `Số: ${explicitDate}`]);
  const fontRef = once((update: IncrementalUpdate) => font.write(update));
  const page = firstPage(doc);
  const widgets: WidgetPlan[] = [];

  widgets.push(
    numberWidget(found?.numberSlot, page, font, fontRef, number, fullNumber) ??
      explicitOrMissing(request.numberPlacement, 'number', (p) =>
        explicitTextWidget(doc, p, font, fontRef, `Số: ${fullNumber}`),
      ),
  );
  const date = found?.dateSlots;
  if (date) {
    const widget = dateWidget(date, page, font, fontRef, issue);
    if (widget) widgets.push(widget);
  } else
    widgets.push(
      explicitOrMissing(request.datePlacement, 'date', (p) =>
        explicitTextWidget(doc, p, font, fontRef, explicitDate),
      ),
    );

  const sealWidth = diameter * (seal.width / Math.max(seal.width, seal.height));
  const sealHeight = diameter * (seal.height / Math.max(seal.width, seal.height));
  const personal = findPersonalSignature(doc);
  let sealPage: PageInfo;
  let rect: Box;
  if (personal) {
    sealPage = personal.page;
    rect = sealBox(personal.box, personal.page, sealWidth, sealHeight);
  } else if (request.sealPlacement) {
    // The seal keeps its true size; the explicit rectangle gives its centre.
    const { page: placed, box } = resolvePlacement(doc, request.sealPlacement);
    const cx = (box.x1 + box.x2) / 2;
    const cy = (box.y1 + box.y2) / 2;
    sealPage = placed;
    rect = {
      x1: cx - sealWidth / 2,
      y1: cy - sealHeight / 2,
      x2: cx + sealWidth / 2,
      y2: cy + sealHeight / 2,
    };
  } else throw pdfSigningError('PLACEMENT_NOT_FOUND', { looking: 'personal-signature' });
  widgets.push({ page: sealPage, rect, appearance: imageAppearance(seal, rect, sealPage.rotate) });
  return { fieldPrefix: 'OrganisationSignature', widgets, invisiblePage: page };
}

function explicitOrMissing(
  placement: PagePlacement | undefined,
  looking: string,
  build: (p: PagePlacement) => WidgetPlan,
): WidgetPlan {
  if (!placement) throw pdfSigningError('PLACEMENT_NOT_FOUND', { looking, page: 1 });
  return build(placement);
}

function numberWidget(
  slot: NumberSlot | undefined,
  page: PageInfo,
  font: FontSubset,
  fontRef: FontRef,
  number: string,
  fullNumber: string,
): WidgetPlan | undefined {
  if (!slot) return undefined;
  const text = slot.notationPrinted ? number : fullNumber;
  const width = font.widthOf(text, slot.size);
  // Right against the printed "/notation" so it reads "12/QĐ-UBND"; else one space after "Số:".
  const x = slot.notationPrinted ? slot.x2 - width - slot.size * 0.02 : slot.x1 + slot.size * 0.25;
  return textWidget(page, font, fontRef, [{ text, x }], slot.y, slot.size);
}

function dateWidget(
  date: DateSlots,
  page: PageInfo,
  font: FontSubset,
  fontRef: FontRef,
  issue: ReturnType<typeof formatIssueDate>,
): WidgetPlan | undefined {
  const parts: [TextSlot | undefined, string][] = [
    [date.day, issue.day],
    [date.month, issue.month],
    [date.year, issue.year],
  ];
  const size = date.line.size;
  const pieces = parts
    .filter((part): part is [TextSlot, string] => part[0] !== undefined)
    .map(([slot, text]) => ({ text, x: (slot.x1 + slot.x2) / 2 - font.widthOf(text, size) / 2 }));
  return pieces.length ? textWidget(page, font, fontRef, pieces, date.line.y, size) : undefined;
}
