import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { BASE_OBJECTS, craftPdf } from '../../../test-fixtures/verify/crafted-pdf';
import { appendRevision, RawObject } from '../../../test-fixtures/verify/incremental-update';
import { SHARED_PDFS, sharedPdf } from '../../../test-fixtures/shared-fixtures';
import { PdfParser } from '../pdf-reader/pdf-parser';
import { findActiveContent } from '../verify-pdf';
import type { ActiveContentFinding } from './active-content-kinds';

const FIXTURES = join(__dirname, '../../../test-fixtures/verify');

/** the base document with some objects replaced or added */
const doc = (objects: Record<number, string>, options?: Parameters<typeof craftPdf>[1]): Buffer =>
  craftPdf({ ...BASE_OBJECTS, ...objects }, options);
const kinds = (pdf: Buffer): string[] => findActiveContent(pdf).map((f) => f.kind);
const finding = (pdf: Buffer, kind: string): ActiveContentFinding | undefined =>
  findActiveContent(pdf).find((f) => f.kind === kind);
const pageWith = (entries: string) => ({
  3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${entries} >>`,
});
const annotation = (entries: string) => ({
  ...pageWith('/Annots [4 0 R]'),
  4: `<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] ${entries} >>`,
});
const raw = (text: string) => new RawObject(Buffer.from(text, 'latin1'));

describe('active content scan: every object of every revision', () => {
  it('finds nothing in a plain document, nor in links, page destinations and GoTo actions', () => {
    expect(kinds(doc({}))).toEqual([]);
    expect(
      kinds(doc({ 1: '<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /XYZ null null 0] >>' })),
    ).toEqual([]);
    expect(
      kinds(doc({ 1: '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] >> >>' })),
    ).toEqual([]);
    expect(kinds(doc(annotation('/A << /S /URI /URI (https://dichvucong.gov.vn) >>')))).toEqual([]);
    expect(kinds(doc(annotation('/A << /S /Named /N /NextPage >>')))).toEqual([]);
    // a structure element's role is named with /S too
    expect(kinds(doc({ 5: '<< /Type /StructElem /S /Launch /P 1 0 R >>' }))).toEqual([]);
  });

  it('finds the JavaScript a document runs when opened, and says it runs by itself', () => {
    const pdf = doc({
      1: '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
      4: '<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>',
    });
    expect(findActiveContent(pdf)).toEqual([
      {
        kind: 'JAVASCRIPT',
        message: 'mã JavaScript',
        objects: [4],
        revisions: [1],
        unlisted: false,
      },
      expect.objectContaining({ kind: 'OPEN_ACTION', objects: [1] }),
    ]);
    // a link that opens a web page by itself is an automatic action as well
    expect(
      kinds(doc({ 1: '<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (http://x.vn) >> >>' })),
    ).toEqual(['OPEN_ACTION']);
  });

  it('finds JavaScript in the document name tree, in a javascript: link, under an indirect or escaped name', () => {
    const tree = doc({
      1: '<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>',
      4: '<< /Names [(init) 5 0 R] >>',
      5: '<< /S /JavaScript /JS 6 0 R >>',
      6: '<< /Length 12 >>\nstream\napp.alert(1)\nendstream',
    });
    expect(finding(tree, 'JAVASCRIPT')?.objects).toEqual([1, 5]);
    expect(kinds(doc(annotation('/A << /S /URI /URI (JavaScript:app.alert\\(1\\)) >>')))).toEqual([
      'JAVASCRIPT',
    ]);
    expect(kinds(doc({ ...annotation('/A << /S 5 0 R /JS 6 0 R >>'), 5: '/JavaScript', 6: '(x)' }))).toEqual([
      'JAVASCRIPT',
    ]);
    expect(kinds(doc(annotation('/A << /S /J#61va#53cript /J#53 (x) >>')))).toEqual(['JAVASCRIPT']);
  });

  it('finds a page /AA and its JavaScript hidden in a compressed object stream', () => {
    const pdf = doc(
      { ...pageWith('/AA << /O 4 0 R >>'), 4: '<< /S /JavaScript /JS (this.print\\(\\)) >>' },
      { packed: [3, 4] },
    );
    expect(pdf.includes('JavaScript')).toBe(false); // compressed: not visible in the bytes
    expect(findActiveContent(pdf)).toEqual([
      expect.objectContaining({ kind: 'JAVASCRIPT', objects: [4], revisions: [1], unlisted: false }),
      expect.objectContaining({ kind: 'ADDITIONAL_ACTIONS', objects: [3], revisions: [1] }),
    ]);
  });

  it('finds what a real writer packs into object streams (pdf-lib)', async () => {
    const lib = await PDFDocument.create();
    lib.addPage();
    // an indirect action: pdf-lib packs it into a compressed object stream (the catalog it keeps apart)
    const action = lib.context.register(lib.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') }));
    lib.catalog.set(PDFName.of('OpenAction'), action);
    const pdf = Buffer.from(await lib.save({ useObjectStreams: true }));
    expect(pdf.includes('Launch')).toBe(false);
    expect(kinds(pdf)).toEqual(['LAUNCH', 'OPEN_ACTION']);
  });

  it.each([
    ['LAUNCH', '/A << /S /Launch /F (cmd.exe) >>'],
    ['IMPORT_DATA', '/A << /S /ImportData /F (du-lieu.fdf) >>'],
    ['SUBMIT_FORM', '/A << /S /SubmitForm /F << /FS /URL /F (http://x.vn/thu) >> >>'],
    ['RESET_FORM', '/A << /S /ResetForm >>'],
    ['REMOTE_GOTO', '/A << /S /GoToR /F (khac.pdf) /D [0 /Fit] >>'],
    ['REMOTE_GOTO', '/A << /S /GoToE /T << /R /C /N (a) >> /D [0 /Fit] >>'],
    ['VISIBILITY_ACTION', '/A << /S /Hide /T (Chu ky) >>'],
    ['VISIBILITY_ACTION', '/A << /S /SetOCGState /State [/OFF 9 0 R] >>'],
    ['MULTIMEDIA', '/A << /S /Rendition /OP 0 >>'],
    ['ADDITIONAL_ACTIONS', '/AA << /E << /S /GoTo /D [3 0 R /Fit] >> >>'],
  ])('finds %s in a link annotation', (kind, entries) => {
    expect(kinds(doc(annotation(entries)))).toEqual([kind]);
  });

  it('finds embedded files, file attachments, multimedia annotations and XFA forms', () => {
    const embedded = doc({
      1: '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>',
      4: '<< /Names [(bang-luong.xlsm) 5 0 R] >>',
      5: '<< /Type /Filespec /F (bang-luong.xlsm) /EF << /F 6 0 R >> >>',
      6: '<< /Type /EmbeddedFile /Length 2 >>\nstream\nPK\nendstream',
    });
    expect(finding(embedded, 'EMBEDDED_FILE')?.objects).toEqual([1, 5, 6]);
    expect(
      kinds(doc({ ...pageWith('/Annots [4 0 R]'), 4: '<< /Subtype /FileAttachment /Rect [0 0 9 9] >>' })),
    ).toEqual(['EMBEDDED_FILE']);
    for (const subtype of ['Sound', 'Movie', 'Screen', 'RichMedia', '3D'])
      expect(
        kinds(doc({ ...pageWith('/Annots [4 0 R]'), 4: `<< /Subtype /${subtype} /Rect [0 0 9 9] >>` })),
      ).toEqual(['MULTIMEDIA']);
    const xfa = doc({
      1: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> >>',
      4: '<< /Length 7 >>\nstream\n<xdp/>\n\nendstream',
    });
    expect(kinds(xfa)).toEqual(['XFA']);
  });

  it('finds active content added by a later incremental update, and in the revision that removed it', () => {
    const clean = doc({});
    const added = appendRevision(
      clean,
      new Map([
        [1, raw('<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>')],
        [4, raw('<< /S /JavaScript /JS (app.launchURL\\("http://x.vn"\\)) >>')],
      ]),
    );
    expect(finding(added, 'JAVASCRIPT')).toMatchObject({ objects: [4], revisions: [2] });
    // a third revision takes the script out again: the second, which a signature may cover, still holds it
    const removed = appendRevision(
      added,
      new Map([
        [1, raw('<< /Type /Catalog /Pages 2 0 R >>')],
        [4, raw('null')],
      ]),
    );
    expect(finding(removed, 'JAVASCRIPT')).toMatchObject({ objects: [4], revisions: [2] });
    expect(finding(removed, 'OPEN_ACTION')).toMatchObject({ objects: [1], revisions: [2] });
  });

  it('finds objects no cross-reference lists, loose in the file or packed in an object stream', () => {
    const loose = doc({}, { unlisted: '9 0 obj\n<< /S /Launch /F (x.exe) >>\nendobj' });
    expect(findActiveContent(loose)).toEqual([
      expect.objectContaining({ kind: 'LAUNCH', objects: [9], revisions: [], unlisted: true }),
    ]);
    const packed = doc({ 4: '<< /Producer (x) >>' }, { packed: [4], packedUnlisted: { 8: '<< /JS (x) >>' } });
    expect(findActiveContent(packed)).toEqual([
      expect.objectContaining({ kind: 'JAVASCRIPT', objects: [8], revisions: [], unlisted: true }),
    ]);
  });

  it('reads each object only up to the next one, so a file of headers over an unterminated string stays cheap', () => {
    // 2,000 headers in front of 2 MB without a closing parenthesis: read to the end of the file from
    // every header, that is 4 GB of string parsing; within bounds, 2 MB once
    const headers = Array.from({ length: 2000 }, (_, i) => `${100 + i} 0 obj (`).join('\n');
    const pdf = doc(
      {},
      { unlisted: `9 0 obj\n<< /S /Launch /F (x.exe) >>\nendobj\n${headers}${'x'.repeat(2_000_000)}` },
    );
    // the bytes each object's parse may reach (the verifier's own reads of the whole file aside);
    // past twice the file, the parse is cut short so that the test fails fast instead of hanging
    const parseValue = PdfParser.prototype.parseValue;
    let reachable = 0;
    const spy = jest.spyOn(PdfParser.prototype, 'parseValue').mockImplementation(function (
      this: PdfParser,
      depth = 0,
    ) {
      if (depth === 0 && this.buf !== pdf) reachable += this.buf.length - this.pos;
      if (reachable > 2 * pdf.length) throw new Error('parse not bounded');
      return parseValue.call(this, depth);
    });
    try {
      expect(findActiveContent(pdf)).toEqual([expect.objectContaining({ kind: 'LAUNCH', objects: [9] })]);
    } finally {
      spy.mockRestore();
    }
    expect(reachable).toBeLessThanOrEqual(2 * pdf.length);
  });

  it('does not take a header inside the data of a listed stream for an object', () => {
    const pdf = doc({ 4: '<< /Length 32 >>\nstream\n5 0 obj << /S /Launch /F (x) >> \nendstream' });
    expect(kinds(pdf)).toEqual([]);
  });

  it('reports objects it cannot read instead of passing over them', () => {
    expect(findActiveContent(doc({}, { broken: [4] }))).toEqual([
      expect.objectContaining({ kind: 'UNCHECKED_OBJECTS', objects: [4], revisions: [1] }),
    ]);
  });

  it('finds nothing in the shared samples and in our LibreOffice decision', () => {
    for (const name of Object.keys(SHARED_PDFS) as (keyof typeof SHARED_PDFS)[]) {
      if (name === 'encrypted') continue; // refused as PDF_ENCRYPTED before any scan
      expect({ name, found: kinds(sharedPdf(name)) }).toEqual({ name, found: [] });
    }
    expect(kinds(readFileSync(join(FIXTURES, 'quyet-dinh-libreoffice.pdf')))).toEqual([]);
  });
});
