import { PdfDict, PdfRef, PdfStream, PdfString, PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { appendRevision, lastRevision, nextObjectNumber, pageTree } from './incremental-update';
import { dict, name, ref, withEntries } from './pdf-value-writer';

/**
 * The ways a signed PDF is changed after signing, each written the way an editor or an attacker
 * would: bytes edited in place, or an incremental update appended by hand.
 */

/** flips one byte in the middle of the first page's content stream (inside the signed range) */
export function flipByteInPageContent(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const { firstPage } = pageTree(rev);
  const contents = firstPage.get('Contents');
  const first = Array.isArray(contents) ? contents[0] : contents;
  const stream = rev.resolve(first);
  if (!(stream instanceof PdfStream)) throw new Error('page has no content stream');
  const at = stream.data.byteOffset - rev.file.buf.byteOffset + Math.floor(stream.data.length / 2);
  const out = Buffer.from(pdf);
  out[at] ^= 0x01;
  return out;
}

/** an incremental update adding a page with text of its own at the end of the document */
export function addPageAfterSigning(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const { pagesNum, pages } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const kids = rev.resolve(pages.get('Kids')) as PdfValue[];
  const count = rev.resolve(pages.get('Count')) as number;
  const content = new PdfStream(
    dict({}),
    Buffer.from('BT /F1 24 Tf 72 720 Td (Trang them sau khi ky) Tj ET'),
  );
  const font = dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica') });
  const page = dict({
    Type: name('Page'),
    Parent: ref(pagesNum),
    MediaBox: [0, 0, 595, 842],
    Contents: ref(n + 1),
    Resources: dict({ Font: dict({ F1: ref(n + 2) }) }),
  });
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [pagesNum, withEntries(pages, { Kids: [...kids, ref(n)], Count: count + 1 })],
      [n, page],
      [n + 1, content],
      [n + 2, font],
    ]),
  );
}

/** an incremental update drawing over the first page: a second content stream appended to /Contents */
export function drawOnPageAfterSigning(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const { firstPageNum, firstPage } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const old = firstPage.get('Contents');
  const list: PdfValue[] = Array.isArray(old) ? old : old instanceof PdfRef ? [old] : [];
  // a white box over the page's text and a new sentence in it
  const drawing = new PdfStream(dict({}), Buffer.from('q 1 1 1 rg 50 600 500 150 re f Q'));
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [firstPageNum, withEntries(firstPage, { Contents: [...list, ref(n)] })],
      [n, drawing],
    ]),
  );
}

/** bytes appended after the last %%EOF that form no revision (no cross-reference, no trailer) */
export function appendUncoveredBytes(pdf: Buffer): Buffer {
  return Buffer.concat([
    pdf,
    Buffer.from(
      '\n999 0 obj\n<</Type /Annot /Subtype /Text /Rect [0 0 50 50] /Contents (da sua)>>\nendobj\n',
    ),
  ]);
}

/** an incremental update putting a comment (a /Text annotation) on the first page */
export function addCommentAfterSigning(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const { firstPageNum, firstPage } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const annots = rev.resolve(firstPage.get('Annots'));
  const comment = dict({
    Type: name('Annot'),
    Subtype: name('Text'),
    Rect: [100, 700, 120, 720],
    Contents: new PdfString(Buffer.from('Đã xem', 'utf8'), false),
    P: ref(firstPageNum),
  });
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [firstPageNum, withEntries(firstPage, { Annots: [...(Array.isArray(annots) ? annots : []), ref(n)] })],
      [n, comment],
    ]),
  );
}

/** an incremental update adding an empty text field "GhiChu" with its widget on the first page */
export function addTextField(pdf: Buffer): Buffer {
  const rev = lastRevision(pdf);
  const catalog = rev.catalog as PdfDict;
  const { firstPageNum, firstPage } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const annots = rev.resolve(firstPage.get('Annots'));
  const form = rev.dict(catalog.get('AcroForm'));
  const fields = rev.resolve(form?.get('Fields'));
  const field = dict({
    Type: name('Annot'),
    Subtype: name('Widget'),
    FT: name('Tx'),
    T: new PdfString(Buffer.from('GhiChu'), false),
    Rect: [72, 72, 272, 92],
    P: ref(firstPageNum),
    DA: new PdfString(Buffer.from('/Helv 10 Tf 0 g'), false),
    AP: dict({ N: ref(n + 1) }),
  });
  const emptyAppearance = new PdfStream(
    dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 200, 20] }),
    Buffer.from(''),
  );
  const rootNum = (rev.trailer.get('Root') as PdfRef).num;
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [rootNum, withEntries(catalog, { AcroForm: ref(n + 2) })],
      [
        n + 2,
        dict({
          ...Object.fromEntries(form?.entries ?? []),
          Fields: [...(Array.isArray(fields) ? fields : []), ref(n)],
        }),
      ],
      [firstPageNum, withEntries(firstPage, { Annots: [...(Array.isArray(annots) ? annots : []), ref(n)] })],
      [n, field],
      [n + 1, emptyAppearance],
    ]),
  );
}

/** an incremental update filling the "GhiChu" field: a new value and a new appearance stream */
export function fillTextField(pdf: Buffer, value: string): Buffer {
  const rev = lastRevision(pdf);
  const form = rev.dict(rev.catalog?.get('AcroForm'));
  const fields = rev.resolve(form?.get('Fields')) as PdfValue[];
  const fieldRef = fields.find((f) => rev.dict(f)?.name('FT') === 'Tx') as PdfRef;
  const field = rev.dict(fieldRef) as PdfDict;
  const n = nextObjectNumber(rev);
  const appearance = new PdfStream(
    dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 200, 20] }),
    Buffer.from(`/Tx BMC BT /Helv 10 Tf 2 6 Td (${value}) Tj ET EMC`),
  );
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [
        fieldRef.num,
        withEntries(field, { V: new PdfString(Buffer.from(value), false), AP: dict({ N: ref(n) }) }),
      ],
      [n, appearance],
    ]),
  );
}
