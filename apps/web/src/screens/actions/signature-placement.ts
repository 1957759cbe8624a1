import type { PDFDocumentProxy, PdfRect } from '../document/pdf-document';

/** Vietnamese text without marks, lower case, single spaces: "Nguyễn Văn An" → "nguyen van an". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const SIGNATURE_WIDTH = 150;
export const SIGNATURE_HEIGHT = 60;

interface Line {
  text: string;
  x1: number;
  x2: number;
  y: number;
  size: number;
}

/**
 * Where the leader's signature goes by default: centred between the signer's title line and the
 * name line (ND30 Phụ lục I), found in the page text like the server's own placement; the last page
 * with the name wins. The signer sees this box and may drag it; the box shown is what is sent.
 */
export async function defaultPlacement(
  pdf: PDFDocumentProxy,
  fullName: string,
): Promise<{ page: number; rect: PdfRect }> {
  const wanted = foldVietnamese(fullName);
  for (let n = pdf.numPages; n >= 1 && wanted; n--) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const lines: Line[] = [];
    for (const item of content.items as { str?: string; transform?: number[]; width?: number }[]) {
      if (!item.str?.trim() || !item.transform) continue;
      const size = Math.hypot(item.transform[2], item.transform[3]) || 12;
      lines.push({
        text: item.str,
        x1: item.transform[4],
        x2: item.transform[4] + (item.width ?? 0),
        y: item.transform[5],
        size,
      });
    }
    const names = lines.filter((l) => ` ${foldVietnamese(l.text)} `.includes(` ${wanted} `));
    if (!names.length) continue;
    const name = names.reduce((low, l) => (l.y < low.y ? l : low));
    const above = lines.filter(
      (l) =>
        l !== name && l.y > name.y + name.size * 0.8 && Math.min(l.x2, name.x2) > Math.max(l.x1, name.x1),
    );
    const title = above.length ? above.reduce((near, l) => (l.y < near.y ? l : near)) : undefined;
    const bottom = name.y + name.size * 0.9;
    const top = title ? title.y - title.size * 0.25 : bottom + 72;
    const cx = (name.x1 + name.x2) / 2;
    const cy = top - bottom >= SIGNATURE_HEIGHT ? (top + bottom) / 2 : bottom + SIGNATURE_HEIGHT / 2 + 3;
    return {
      page: n,
      rect: {
        x: cx - SIGNATURE_WIDTH / 2,
        y: cy - SIGNATURE_HEIGHT / 2,
        width: SIGNATURE_WIDTH,
        height: SIGNATURE_HEIGHT,
      },
    };
  }
  // No signer block found: bottom right of the last page.
  const last = await pdf.getPage(pdf.numPages);
  const [, , w] = last.view;
  return {
    page: pdf.numPages,
    rect: { x: w - SIGNATURE_WIDTH - 72, y: 90, width: SIGNATURE_WIDTH, height: SIGNATURE_HEIGHT },
  };
}
