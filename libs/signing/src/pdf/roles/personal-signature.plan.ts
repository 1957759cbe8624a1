import { pdfSigningError, signerNameMismatch } from '../../pdf-signing.errors';
import { imageAppearance } from '../appearance/appearance-streams';
import { decodePng } from '../appearance/png-image';
import type { PersonalSignRequest } from '../pdf-sign-request';
import { fitInside, resolvePlacement } from '../placement/explicit-placement';
import { locateOnPage } from '../placement/locate-on-page';
import { findPrintedSignerName, findSignerBlock, personalImageBox } from '../placement/signer-block';
import { firstPage, type RoleContext, type RolePlan } from './signature-plan';

/**
 * The leader's signature: the blue signature image alone, centred between the title line and the
 * name line of the signer block on the last page (or inside an explicit rectangle); invisible when
 * no image is given.
 */
export async function planPersonalSignature(
  request: PersonalSignRequest,
  context: RoleContext,
): Promise<RolePlan> {
  const { doc } = context;
  const base = { fieldPrefix: 'PersonalSignature', invisiblePage: firstPage(doc) };
  if (!request.image) return { ...base, widgets: [] };
  const image = decodePng(request.image);
  if (request.placement) {
    const { page, box } = resolvePlacement(doc, request.placement);
    const rect = fitInside(box, image.width, image.height, page.rotate);
    return { ...base, widgets: [{ page, rect, appearance: imageAppearance(image, rect, page.rotate) }] };
  }
  const signerName = request.signerName ?? context.certificateName;
  const lastIndex = doc.pageCount - 1;
  const block = signerName
    ? await locateOnPage(
        doc,
        lastIndex,
        (segments) => findSignerBlock(segments, signerName),
        request.textEngine,
      )
    : undefined;
  const page = doc.page(lastIndex);
  if (!block || !page) {
    const printed = signerName
      ? await locateOnPage(doc, lastIndex, findPrintedSignerName, request.textEngine)
      : undefined;
    if (printed && signerName)
      throw signerNameMismatch(
        printed,
        signerName,
        request.signerName ? 'request' : 'certificate',
        lastIndex + 1,
      );
    throw pdfSigningError('PLACEMENT_NOT_FOUND', { looking: 'signer-name', page: lastIndex + 1 });
  }
  const rect = personalImageBox(block, image.width, image.height);
  return { ...base, widgets: [{ page, rect, appearance: imageAppearance(image, rect, page.rotate) }] };
}
