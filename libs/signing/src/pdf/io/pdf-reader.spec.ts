import { sharedPdf } from '../../../test-fixtures/shared-fixtures';
import { findPage, pageCount } from '../document/page-tree';
import { openPdfDocument } from '../document/pdf-document';
import { IncrementalUpdate } from './incremental-update';
import { PdfDict, PdfName, PdfRef, PdfStream, dict, name } from './pdf-objects';
import { PdfReader } from './pdf-reader';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('PdfReader', () => {
  it.each([
    ['minimal', 'table', 1],
    ['xrefStream', 'stream', 1],
    ['hybrid', 'hybrid', 1],
    ['objectStreams', 'stream', 1],
    ['twoPages', 'table', 2],
    ['signedTwice', 'stream', 1],
    ['padesLta', 'table', 1],
  ] as const)('reads %s (%s cross-reference) and finds its pages', (fixture, form, pages) => {
    const reader = PdfReader.open(sharedPdf(fixture));
    expect(reader.xrefForm).toBe(form);
    expect(pageCount(reader)).toBe(pages);
    const last = findPage(reader, pages - 1)!;
    expect(last.mediaBox.x2).toBeGreaterThan(0);
    expect(findPage(reader, pages)).toBeUndefined();
  });

  it('reads a page that lives inside an object stream', () => {
    const reader = PdfReader.open(sharedPdf('objectStreams'));
    const page = findPage(reader, 0)!;
    expect(page.dict.get('Type')).toBe(PdfName.of('Page'));
    // 595.275574 × 841.889771 is written inside the compressed object
    expect(page.mediaBox.x2).toBeCloseTo(595.275574, 5);
  });

  it('lists the fields already signed by pyHanko', () => {
    expect([...openPdfDocument(sharedPdf('signedTwice')).form.fieldNames].sort()).toEqual(['Sig1', 'Sig2']);
    const lta = openPdfDocument(sharedPdf('padesLta')).form;
    expect(lta.signatureWidgets.filter((w) => w.signed).length).toBe(2);
  });

  it('refuses what is not a PDF, a truncated PDF and an encrypted PDF', () => {
    expect(codeOf(() => PdfReader.open(Buffer.from('<html>not a pdf</html>')))).toBe('PDF_NOT_PDF');
    const minimal = sharedPdf('minimal');
    expect(codeOf(() => PdfReader.open(minimal.subarray(0, 300)))).toBe('PDF_MALFORMED');
    expect(
      codeOf(() =>
        PdfReader.open(Buffer.concat([minimal.subarray(0, 560), Buffer.from('startxref\n99999\n%%EOF')])),
      ),
    ).toBe('PDF_MALFORMED');
    expect(codeOf(() => PdfReader.open(sharedPdf('encrypted')))).toBe('PDF_ENCRYPTED');
    // an incremental update cut off after its first object: the older startxref is still near the end
    const cut = Buffer.concat([
      minimal,
      Buffer.from('5 0 obj\n<< /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>\nendobj\nxref\n0 1\n'),
    ]);
    expect(codeOf(() => PdfReader.open(cut))).toBe('PDF_MALFORMED');
    const padded = Buffer.concat([minimal, Buffer.from('\r\n%%EOF\r\n\0\0\0')]);
    expect(PdfReader.open(padded).xrefForm).toBe('table');
  });

  it('finds an object whose cross-reference offset is off by a few bytes', () => {
    const text = sharedPdf('minimal').toString('latin1').replace('0000000178 00000 n', '0000000175 00000 n');
    const reader = PdfReader.open(Buffer.from(text, 'latin1'));
    expect(findPage(reader, 0)!.dict.get('Type')).toBe(PdfName.of('Page'));
  });
});

describe('IncrementalUpdate', () => {
  it.each(['minimal', 'xrefStream', 'hybrid', 'objectStreams'] as const)(
    'appends to %s in the same cross-reference form, keeping every input byte',
    (fixture) => {
      const input = sharedPdf(fixture);
      const reader = PdfReader.open(input);
      const update = new IncrementalUpdate(reader);
      const added = update.add(dict({ Type: name('Test'), Value: 7 }));
      const stream = update.add(new PdfStream(new PdfDict(), Buffer.from('binary\x00\xff', 'latin1')));
      const output = Buffer.concat([input, update.serialize().bytes]);
      expect(output.subarray(0, input.length).equals(input)).toBe(true);

      const again = PdfReader.open(output);
      expect(again.xrefForm).toBe(reader.xrefForm === 'hybrid' ? 'table' : reader.xrefForm);
      expect(again.startxref).toBeGreaterThan(input.length);
      expect((again.get(added) as PdfDict).get('Value')).toBe(7);
      expect((again.get(stream) as PdfStream).raw.toString('latin1')).toBe('binary\x00\xff');
      // the old objects are still reachable through /Prev
      expect(findPage(again, 0)!.dict.get('Type')).toBe(PdfName.of('Page'));
      expect(again.trailer.get('Prev')).toBe(reader.startxref);
      expect(again.rootRef).toEqual(reader.rootRef);
    },
  );

  it('replaces a changed object under its own number', () => {
    const input = sharedPdf('minimal');
    const reader = PdfReader.open(input);
    const catalog = (reader.get(reader.rootRef) as PdfDict).clone().set('Lang', name('vi'));
    const update = new IncrementalUpdate(reader);
    update.set(reader.rootRef, catalog);
    const again = PdfReader.open(Buffer.concat([input, update.serialize().bytes]));
    expect((again.get(new PdfRef(reader.rootRef.num)) as PdfDict).get('Lang')).toBe(PdfName.of('vi'));
    expect(again.size).toBe(reader.size);
  });
});
