import { pdfSigningError } from '../../pdf-signing.errors';
import type { Box, PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import type { PagePlacement } from '../pdf-sign-request';

const TOLERANCE = 0.5;

/** Width and height of the page as displayed (swapped on pages rotated by 90° or 270°). */
export function displayedPageSize(page: PageInfo): [number, number] {
  const { x1, y1, x2, y2 } = page.cropBox;
  return page.rotate === 90 || page.rotate === 270 ? [y2 - y1, x2 - x1] : [x2 - x1, y2 - y1];
}

/**
 * Maps a rectangle given on the page as displayed (origin at its lower-left corner, x to the right,
 * y up) to user space, where /Rect lives: the two differ on pages with /Rotate.
 */
export function displayedToUser(page: PageInfo, rect: Box): Box {
  const { x1, y1, x2, y2 } = page.cropBox;
  const map = (u: number, v: number): [number, number] => {
    switch (page.rotate) {
      case 90:
        return [x2 - v, y1 + u];
      case 180:
        return [x2 - u, y2 - v];
      case 270:
        return [x1 + v, y2 - u];
      default:
        return [x1 + u, y1 + v];
    }
  };
  const [ax, ay] = map(rect.x1, rect.y1);
  const [bx, by] = map(rect.x2, rect.y2);
  return { x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) };
}

/** The inverse of `displayedToUser`: a user-space box as seen on the page as displayed. */
export function userToDisplayed(page: PageInfo, box: Box): Box {
  const { x1, y1, x2, y2 } = page.cropBox;
  const map = (x: number, y: number): [number, number] => {
    switch (page.rotate) {
      case 90:
        return [y - y1, x2 - x];
      case 180:
        return [x2 - x, y2 - y];
      case 270:
        return [y2 - y, x - x1];
      default:
        return [x - x1, y - y1];
    }
  };
  const [ax, ay] = map(box.x1, box.y1);
  const [bx, by] = map(box.x2, box.y2);
  return { x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) };
}

/**
 * Turns an explicit placement (1-based page, rectangle on the page as displayed, from its lower-left
 * corner) into user space. PLACEMENT_OFF_PAGE when the page does not exist or the rectangle is
 * empty or leaves the page.
 */
export function resolvePlacement(doc: PdfDocument, placement: PagePlacement): { page: PageInfo; box: Box } {
  const { page: pageNumber, rect } = placement;
  const values = [pageNumber, rect.x, rect.y, rect.width, rect.height];
  if (
    !values.every(Number.isFinite) ||
    !Number.isInteger(pageNumber) ||
    pageNumber < 1 ||
    pageNumber > doc.pageCount
  ) {
    throw pdfSigningError('PLACEMENT_OFF_PAGE', { page: pageNumber, pageCount: doc.pageCount });
  }
  const page = doc.page(pageNumber - 1);
  if (!page) throw pdfSigningError('PLACEMENT_OFF_PAGE', { page: pageNumber, pageCount: doc.pageCount });
  const [width, height] = displayedPageSize(page);
  const inside =
    rect.width > 0 &&
    rect.height > 0 &&
    rect.x >= -TOLERANCE &&
    rect.y >= -TOLERANCE &&
    rect.x + rect.width <= width + TOLERANCE &&
    rect.y + rect.height <= height + TOLERANCE;
  if (!inside)
    throw pdfSigningError('PLACEMENT_OFF_PAGE', { page: pageNumber, rect, pageSize: { width, height } });
  const box = displayedToUser(page, {
    x1: rect.x,
    y1: rect.y,
    x2: rect.x + rect.width,
    y2: rect.y + rect.height,
  });
  return { page, box };
}

/**
 * The largest box of the given (displayed) aspect ratio centred inside the user-space `box`; on a
 * page shown rotated by 90° or 270° the image's width runs along user space's y axis.
 */
export function fitInside(box: Box, imageWidth: number, imageHeight: number, rotate = 0): Box {
  const [width, height] =
    rotate === 90 || rotate === 270 ? [imageHeight, imageWidth] : [imageWidth, imageHeight];
  const scale = Math.min((box.x2 - box.x1) / width, (box.y2 - box.y1) / height);
  const w = width * scale;
  const h = height * scale;
  const cx = (box.x1 + box.x2) / 2;
  const cy = (box.y1 + box.y2) / 2;
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
}

/** Moves a box (without resizing) so that it lies inside `bounds` where it can. */
export function clampInto(box: Box, bounds: Box): Box {
  const dx = box.x1 < bounds.x1 ? bounds.x1 - box.x1 : box.x2 > bounds.x2 ? bounds.x2 - box.x2 : 0;
  const dy = box.y1 < bounds.y1 ? bounds.y1 - box.y1 : box.y2 > bounds.y2 ? bounds.y2 - box.y2 : 0;
  return { x1: box.x1 + dx, y1: box.y1 + dy, x2: box.x2 + dx, y2: box.y2 + dy };
}
