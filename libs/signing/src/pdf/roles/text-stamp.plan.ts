import { pdfSigningError } from '../../pdf-signing.errors';
import { textAppearance } from '../appearance/appearance-streams';
import { prepareFontSubset } from '../appearance/font-subset';
import type { Box } from '../document/page-tree';
import { isoVietnam } from '../io/pdf-text';
import type { AttachmentSignRequest, CopySignRequest, CopyType, PagePlacement } from '../pdf-sign-request';
import { displayedPageSize, displayedToUser, resolvePlacement } from '../placement/explicit-placement';
import { firstPage, formatDocumentNumber, type RoleContext, type RolePlan } from './signature-plan';

/** ND30 Phụ lục I: Times New Roman 10 pt, black. */
const FONT_SIZE = 10;
const LINE_HEIGHT = 12;
const PADDING = 2;
const RIGHT_MARGIN = (10 * 72) / 25.4;
const TOP_MARGIN = (5 * 72) / 25.4;

export const COPY_TYPE_LABELS: Record<CopyType, string> = {
  'sao-y': 'SAO Y',
  'sao-luc': 'SAO LỤC',
  'trich-sao': 'TRÍCH SAO',
};

/** Text lines in the top right corner of the first page (or in an explicit rectangle). */
async function textStamp(
  context: RoleContext,
  fieldPrefix: string,
  lines: string[],
  placement: PagePlacement | undefined,
): Promise<RolePlan> {
  const { doc } = context;
  const font = await prepareFontSubset(lines);
  const width = Math.max(...lines.map((line) => font.widthOf(line, FONT_SIZE))) + 2 * PADDING;
  const height = lines.length * LINE_HEIGHT + 2 * PADDING;
  let page = firstPage(doc);
  let displayed: Box;
  if (placement) {
    // The explicit rectangle gives the top-left corner; the block keeps the size of its text.
    const resolved = resolvePlacement(doc, placement);
    page = resolved.page;
    const { x, y, height: h } = placement.rect;
    displayed = { x1: x, y1: y + h - height, x2: x + width, y2: y + h };
  } else {
    const [pageWidth, pageHeight] = displayedPageSize(page);
    displayed = {
      x1: pageWidth - RIGHT_MARGIN - width,
      y1: pageHeight - TOP_MARGIN - height,
      x2: pageWidth - RIGHT_MARGIN,
      y2: pageHeight - TOP_MARGIN,
    };
  }
  const rect = displayedToUser(page, displayed);
  const texts = lines.map((text, i) => ({
    text,
    x: PADDING,
    y: height - PADDING - i * LINE_HEIGHT - FONT_SIZE * 0.9,
    size: FONT_SIZE,
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
  return textStamp(
    context,
    'AttachmentSignature',
    [`${number}/${notation}`, isoVietnam(context.signingTime), organisation],
    request.placement,
  );
}

/** The organisation's signature on an electronic copy: copy type, copying body, time. */
export function planCopySignature(request: CopySignRequest, context: RoleContext): Promise<RolePlan> {
  const label = COPY_TYPE_LABELS[request.copyType];
  const organisation = request.organisationName.trim();
  if (!label || !organisation)
    throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'copyType/organisationName' });
  const lines = [label];
  if (request.number !== undefined && request.notation)
    lines.push(`Số: ${formatDocumentNumber(request.number)}/${request.notation.trim()}`);
  lines.push(organisation, isoVietnam(context.signingTime));
  return textStamp(context, 'CopySignature', lines, request.placement);
}
