import { pdfSigningError } from '../../pdf-signing.errors';
import { textAppearance } from '../appearance/appearance-streams';
import { prepareFontSubset, type FontSubset } from '../appearance/font-subset';
import type { Box, PageInfo } from '../document/page-tree';
import { isoVietnam } from '../io/pdf-text';
import type { AttachmentSignRequest, CopySignRequest, CopyType, PagePlacement } from '../pdf-sign-request';
import { displayedPageSize, displayedToUser, resolvePlacement } from '../placement/explicit-placement';
import { findFreeBox, leastCoveredBox } from '../placement/free-space';
import type { TextEngine } from '../placement/locate-on-page';
import { pageInkBoxes } from '../placement/page-ink';
import { firstPage, formatDocumentNumber, type RoleContext, type RolePlan } from './signature-plan';

/** ND30 Phụ lục I: Times New Roman 10 pt, black; 9 and 8 pt only where a page leaves no room for 10. */
const FONT_SIZES = [10, 9, 8];
const LEADING = 1.2;
const PADDING = 2;
/** From the top and right edges of the page. */
const EDGE_GAP = (3 * 72) / 25.4;
/** From anything the page shows. */
const CLEARANCE = 1;
/** "Top right": the right 60 % of the page's top quarter. */
const REGION_LEFT = 0.4;
const REGION_BOTTOM = 0.75;

export const COPY_TYPE_LABELS: Record<CopyType, string> = {
  'sao-y': 'SAO Y',
  'sao-luc': 'SAO LỤC',
  'trich-sao': 'TRÍCH SAO',
};

interface StampLayout {
  readonly lines: readonly string[];
  readonly size: number;
  readonly width: number;
  readonly height: number;
}

function layoutOf(font: FontSubset, lines: readonly string[], size: number): StampLayout {
  return {
    lines,
    size,
    width: Math.max(...lines.map((line) => font.widthOf(line, size))) + 2 * PADDING,
    height: lines.length * size * LEADING + 2 * PADDING,
  };
}

/**
 * Where the stamp goes in the top right corner of the page as displayed: the highest, then rightmost,
 * free place for the first layout (lines as given, 10 pt) that fits, then for the more compact ones,
 * then the last one in 9 and 8 pt; free means clear of the page's text, graphics and annotations, so
 * that the stamp never covers "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM". On a page with no room at all
 * (a header up against the page's edge), the place where the smallest covers least.
 */
async function placeInCorner(
  context: RoleContext,
  page: PageInfo,
  font: FontSubset,
  layouts: readonly (readonly string[])[],
  engine: TextEngine | undefined,
): Promise<{ layout: StampLayout; displayed: Box }> {
  const [pageWidth, pageHeight] = displayedPageSize(page);
  const region: Box = {
    x1: pageWidth * REGION_LEFT,
    y1: pageHeight * REGION_BOTTOM,
    x2: pageWidth - EDGE_GAP,
    y2: pageHeight - EDGE_GAP,
  };
  const occupied = (await pageInkBoxes(context.doc, page, region, engine)).map((box) => ({
    x1: box.x1 - CLEARANCE,
    y1: box.y1 - CLEARANCE,
    x2: box.x2 + CLEARANCE,
    y2: box.y2 + CLEARANCE,
  }));
  const candidates = [
    ...layouts.map((lines) => layoutOf(font, lines, FONT_SIZES[0])),
    ...FONT_SIZES.slice(1).map((size) => layoutOf(font, layouts[layouts.length - 1], size)),
  ];
  for (const layout of candidates) {
    const displayed = findFreeBox(occupied, region, layout.width, layout.height);
    if (displayed) return { layout, displayed };
  }
  const layout = candidates[candidates.length - 1];
  return { layout, displayed: leastCoveredBox(occupied, region, layout.width, layout.height) };
}

/**
 * Text lines in the top right corner of the first page (or in an explicit rectangle). `layouts` are
 * the same text in preference order, each more compact than the one before.
 */
async function textStamp(
  context: RoleContext,
  fieldPrefix: string,
  layouts: readonly (readonly string[])[],
  placement: PagePlacement | undefined,
  engine: TextEngine | undefined,
): Promise<RolePlan> {
  const { doc } = context;
  const font = await prepareFontSubset(layouts.flat());
  let page = firstPage(doc);
  let layout: StampLayout;
  let displayed: Box;
  if (placement) {
    // The explicit rectangle gives the top-left corner; the block keeps the size of its text.
    const resolved = resolvePlacement(doc, placement);
    page = resolved.page;
    layout = layoutOf(font, layouts[0], FONT_SIZES[0]);
    const { x, y, height: h } = placement.rect;
    displayed = { x1: x, y1: y + h - layout.height, x2: x + layout.width, y2: y + h };
  } else ({ layout, displayed } = await placeInCorner(context, page, font, layouts, engine));
  const rect = displayedToUser(page, displayed);
  const { size } = layout;
  const texts = layout.lines.map((text, i) => ({
    text,
    x: PADDING,
    y: layout.height - PADDING - i * size * LEADING - size * 0.9,
    size,
  }));
  const target = page;
  return {
    fieldPrefix,
    invisiblePage: target,
    widgets: [
      {
        page: target,
        rect,
        appearance: (update) => textAppearance(font, font.write(update), rect, target.rotate, texts)(update),
      },
    ],
  };
}

/** The organisation's signature on an attachment: number and notation, signing time, organisation. */
export function planAttachmentSignature(
  request: AttachmentSignRequest,
  context: RoleContext,
): Promise<RolePlan> {
  const number = formatDocumentNumber(request.number);
  const notation = request.notation.trim();
  const organisation = request.organisationName.trim();
  if (!number || !notation || !organisation)
    throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'number/notation/organisationName' });
  const time = isoVietnam(context.signingTime);
  return textStamp(
    context,
    'AttachmentSignature',
    [
      [`${number}/${notation}`, time, organisation],
      [`${number}/${notation} – ${time}`, organisation],
    ],
    request.placement,
    request.textEngine,
  );
}

/** The organisation's signature on an electronic copy: copy type, copying body, time. */
export function planCopySignature(request: CopySignRequest, context: RoleContext): Promise<RolePlan> {
  const label = COPY_TYPE_LABELS[request.copyType];
  const organisation = request.organisationName.trim();
  if (!label || !organisation)
    throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'copyType/organisationName' });
  const time = isoVietnam(context.signingTime);
  const numberLine =
    request.number !== undefined && request.notation
      ? `Số: ${formatDocumentNumber(request.number)}/${request.notation.trim()}`
      : undefined;
  // Fewer, longer lines where four do not fit above the page's header.
  const heading = numberLine ? `${label} – ${numberLine}` : label;
  const layouts = [
    ...(numberLine ? [[label, numberLine, organisation, time]] : []),
    [heading, organisation, time],
    [heading, `${organisation} – ${time}`],
  ];
  return textStamp(context, 'CopySignature', layouts, request.placement, request.textEngine);
}
