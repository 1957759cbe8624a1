import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { ND30_SIGNER_NAME, nd30Pdf } from '../../test-fixtures/nd30-document';
import {
  colourBox,
  lineBoxes,
  opensslVerify,
  pdfboxVerify,
  pdfsig,
  pdftotext,
  qpdfCheck,
  renderPage,
  signatureRanges,
  wordBoxes,
  withTempFile,
} from '../../test-fixtures/pdf-validators';
import { verifyPdf } from '../verify/verify-pdf';
import { openPdfDocument } from './document/pdf-document';
import { PdfDict, PdfRef, isName } from './io/pdf-objects';
import { signPdf } from './sign-pdf';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'signing');
const PX = 100 / 72;

let pki: TestPki;
let input: Buffer;
let personal: Buffer;
let organisation: Buffer;
// Two hours ago in whole seconds: inside the test PKI's validity however old its cache is (the
// printed issue date is the explicit '2026-11-25' below, so the assertions do not depend on it).
const SIGNING_TIME = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pki = await getTestPki();
  input = await nd30Pdf();
  const leader = pki.people[0];
  const clerk = pki.organisations[0];
  // The certificate says "Nguyễn Văn Ấn"; the document prints "Nguyễn Văn An": found by folded name.
  personal = await signPdf(input, {
    role: 'personal',
    identity: leader.identity,
    image: readFileSync(leader.signatureImagePath),
    signingTime: SIGNING_TIME,
  });
  organisation = await signPdf(personal, {
    role: 'organisation',
    identity: clerk.identity,
    number: 12,
    notation: 'QĐ-UBND',
    date: '2026-11-25',
    sealImage: readFileSync(clerk.sealImagePath),
    signingTime: new Date(SIGNING_TIME.getTime() + 3_600_000),
  });
  writeFileSync(join(ARTIFACTS, 'nd30-signed.pdf'), organisation);
});

describe('ND30 flow on a LibreOffice document: leader signs, clerk numbers, dates and seals', () => {
  it('is a two-page document with the signer block on page 2', () => {
    expect(openPdfDocument(input).pageCount).toBe(2);
  });

  it('appends one update per step and keeps every earlier byte', () => {
    expect(personal.subarray(0, input.length).equals(input)).toBe(true);
    expect(organisation.subarray(0, personal.length).equals(personal)).toBe(true);
    expect(
      signatureRanges(organisation).map(
        (s) => s.range[0] + s.range[1] + (s.range[2] - s.range[1]) + s.range[3],
      ),
    ).toEqual([personal.length, organisation.length]);
  });

  it('is valid for pdfsig, qpdf, PDFBox, OpenSSL and our verifier (changes after the leader allowed)', async () => {
    await withTempFile(organisation, async (path) => {
      const sig = await pdfsig(path);
      // poppler lists the organisation's field once per widget (number, date, seal)
      expect(sig.map((s) => s.fieldName)).toEqual([
        'PersonalSignature1',
        'OrganisationSignature1',
        'OrganisationSignature1',
        'OrganisationSignature1',
      ]);
      for (const s of sig) expect(s.validation).toBe('Signature is Valid.');
      expect((await qpdfCheck(path)).problems).toEqual([]);
      const box = await pdfboxVerify(path);
      expect(box.code).toBe(0);
      expect(box.lines).toHaveLength(2);
    });
    for (const index of [0, 1])
      expect((await opensslVerify(organisation, index, pki.rootCertificatePath)).output).toContain(
        'Verification successful',
      );
    const report = await verifyPdf(organisation, {
      trustAnchors: [pki.rootCertificate],
      crls: [pki.issuingCrl],
    });
    expect(report.signatures.map((s) => [s.fieldName, s.verdict])).toEqual([
      ['PersonalSignature1', 'valid'],
      ['OrganisationSignature1', 'valid'],
    ]);
    expect(report.verdict).toBe('valid');
  });

  it('draws nothing into page content and adds only signature widgets after the leader signed', () => {
    const before = openPdfDocument(personal);
    const after = openPdfDocument(organisation);
    for (let i = 0; i < 2; i++) {
      const pageBefore = before.page(i)!.dict;
      const pageAfter = after.page(i)!.dict;
      expect(pageAfter.get('Contents')).toEqual(pageBefore.get('Contents'));
      expect(pageAfter.get('Resources')).toEqual(pageBefore.get('Resources'));
      const old = new Set(
        (before.reader.array(pageBefore.get('Annots')) ?? []).map((r) => (r as PdfRef).num),
      );
      const added = (after.reader.array(pageAfter.get('Annots')) ?? []).filter(
        (r) => !old.has((r as PdfRef).num),
      );
      for (const ref of added) {
        const widget = after.reader.dict(ref)!;
        expect(isName(widget.get('Subtype'), 'Widget')).toBe(true);
        const field = after.reader.dict(widget.get('Parent')) as PdfDict;
        expect(isName(field.get('FT'), 'Sig')).toBe(true);
      }
    }
    const organisationWidgets = after.form.signatureWidgets.filter(
      (w) => w.fieldName === 'OrganisationSignature1',
    );
    expect(organisationWidgets).toHaveLength(3);
  });

  it('puts the blue signature between "CHỦ TỊCH" and the name, and the red seal over its left third', async () => {
    await withTempFile(organisation, async (path) => {
      const page = await renderPage(path, 2, join(ARTIFACTS, 'nd30-page2.png'));
      // lines, not words: poppler splits a word where its font changes
      const lines = await lineBoxes(path, 2);
      const title = lines.find((l) => l.squeezed === 'CHỦTỊCH')!;
      const name = lines.filter((l) => l.squeezed === 'NguyễnVănAn').sort((a, b) => b.yMin - a.yMin)[0];
      const blue = colourBox(page, 'blue');
      const red = colourBox(page, 'red');
      expect(blue.count).toBeGreaterThan(500);
      expect(red.count).toBeGreaterThan(500);
      // vertically between the title's baseline area and the name's top (pixels, top-down)
      expect(blue.y1).toBeGreaterThanOrEqual(Math.floor(title.yMax * PX) - 2);
      expect(blue.y2).toBeLessThanOrEqual(Math.ceil(name.yMin * PX) + 2);
      // the seal: its true size, 36 mm across (±8 %)
      const diameterPx = (36 / 25.4) * 100;
      expect(red.x2 - red.x1).toBeGreaterThan(diameterPx * 0.92);
      expect(red.x2 - red.x1).toBeLessThan(diameterPx * 1.08);
      // overlapping about the left third of the signature image, and reaching out to its left
      const width = blue.x2 - blue.x1;
      expect(red.x1).toBeLessThan(blue.x1);
      expect(red.x2).toBeGreaterThan(blue.x1 + width * 0.15);
      expect(red.x2).toBeLessThan(blue.x1 + width * 0.55);
      const redCentreY = (red.y1 + red.y2) / 2;
      expect(redCentreY).toBeGreaterThan(blue.y1);
      expect(redCentreY).toBeLessThan(blue.y2);
    });
  });

  it('writes the number and the date into the header slots, extractable with their diacritics', async () => {
    await withTempFile(organisation, async (path) => {
      const page = await renderPage(path, 1, join(ARTIFACTS, 'nd30-page1.png'));
      expect(colourBox(page, 'red').count).toBe(0);
      const text = await pdftotext(path, 1);
      const lines = text.split('\n');
      const numberLine = lines.find((l) => l.includes('Số:'))!;
      expect(numberLine).toMatch(/Số:\s*12\/QĐ-UBND/);
      const dateLine = lines.find((l) => l.includes('ngày'))!;
      expect(dateLine).toMatch(/Ea H'Leo, ngày\s+25\s+tháng\s+11\s+năm\s+2026/);
      const words = await wordBoxes(path, 1);
      const label = words.find((w) => w.text === 'Số:')!;
      const number = words.find((w) => w.text.startsWith('12'))!;
      expect(Math.abs(number.yMax - label.yMax)).toBeLessThan(2);
      expect(number.xMin).toBeGreaterThan(label.xMax);
      const day = words.find((w) => w.text === '25')!;
      const ngay = words.find((w) => w.text === 'ngày')!;
      const thang = words.find((w) => w.text === 'tháng')!;
      expect(day.xMin).toBeGreaterThan(ngay.xMax);
      expect(day.xMax).toBeLessThan(thang.xMin);
    });
  });

  it('places the leader image the same with pdf.js as with our content-stream reader', async () => {
    const leader = pki.people[0];
    const rectOf = async (engine: 'content' | 'pdfjs'): Promise<number[]> => {
      const signed = await signPdf(input, {
        role: 'personal',
        identity: leader.identity,
        image: readFileSync(leader.signatureImagePath),
        textEngine: engine,
        signerName: ND30_SIGNER_NAME,
      });
      const rect = openPdfDocument(signed).form.signatureWidgets[0].rect!;
      return [rect.x1, rect.y1, rect.x2, rect.y2];
    };
    const ours = await rectOf('content');
    const pdfjs = await rectOf('pdfjs');
    ours.forEach((v, i) => expect(Math.abs(v - pdfjs[i])).toBeLessThan(2));
  });

  it.each(['content', 'pdfjs'] as const)(
    'names both names when the printed signer is not the certificate holder (%s)',
    async (textEngine) => {
      const other = await nd30Pdf({ articles: 2, signerName: 'Trần Thị Bích' });
      const leader = pki.people[0];
      const error = await signPdf(other, {
        role: 'personal',
        identity: leader.identity,
        image: readFileSync(leader.signatureImagePath),
        textEngine,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'SIGNER_NAME_MISMATCH',
        status: 422,
        details: { printedName: 'Trần Thị Bích', expectedName: 'Nguyễn Văn Ấn', expectedFrom: 'certificate' },
      });
      expect((error as Error).message).toContain('“Trần Thị Bích”');
      expect((error as Error).message).toContain('“Nguyễn Văn Ấn”');
      // the request's name is the one compared when given
      const named = await signPdf(other, {
        role: 'personal',
        identity: leader.identity,
        image: readFileSync(leader.signatureImagePath),
        signerName: 'Nguyễn Văn An',
        textEngine,
      }).catch((e: unknown) => e);
      expect(named).toMatchObject({ code: 'SIGNER_NAME_MISMATCH', details: { expectedFrom: 'request' } });
      // and the person can then sign with an explicit position
      const placed = await signPdf(other, {
        role: 'personal',
        identity: leader.identity,
        image: readFileSync(leader.signatureImagePath),
        placement: { page: 1, rect: { x: 360, y: 280, width: 150, height: 60 } },
      });
      expect(openPdfDocument(placed).form.signatureWidgets).toHaveLength(1);
    },
  );

  it('embeds a large signature image at 300 dpi of its printed size, not at its own', async () => {
    const width = 3000;
    const height = 1200;
    const png = new PNG({ width, height });
    png.data.fill(0);
    for (let y = 500; y < 700; y++)
      for (let x = 301; x < 2700; x++) png.data.set([0, 40, 200, 255], (y * width + x) * 4);
    const image = PNG.sync.write(png, { filterType: 0 });
    const signed = await signPdf(input, { role: 'personal', identity: pki.people[0].identity, image });
    const rect = openPdfDocument(signed).form.signatureWidgets[0].rect!;
    const pixelsWide = Math.round(((rect.x2 - rect.x1) / 72) * 300);
    const appended = signed.subarray(input.length).toString('latin1');
    const widths = [...appended.matchAll(/\/Width (\d+)/g)].map((m) => Number(m[1]));
    // the image and its soft mask, each as wide as 300 dpi of the widget (the PNG is 3000)
    expect(widths).toHaveLength(2);
    for (const w of widths) expect(Math.abs(w - pixelsWide)).toBeLessThanOrEqual(1);
    expect(signed.length - input.length).toBeLessThan(60_000);
    await withTempFile(signed, async (path) => {
      const page = await renderPage(path, 2, join(ARTIFACTS, 'nd30-large-image.png'));
      expect(colourBox(page, 'blue').count).toBeGreaterThan(500);
    });
  });

  it('puts the leader image inside an explicit rectangle when one is given', async () => {
    const leader = pki.people[0];
    const signed = await signPdf(input, {
      role: 'personal',
      identity: leader.identity,
      image: readFileSync(leader.signatureImagePath),
      placement: { page: 1, rect: { x: 300, y: 100, width: 200, height: 100 } },
    });
    await withTempFile(signed, async (path) => {
      const page = await renderPage(path, 1, join(ARTIFACTS, 'explicit-page1.png'));
      const blue = colourBox(page, 'blue');
      expect(blue.count).toBeGreaterThan(300);
      const [left, top] = page.toPixel(300, 200);
      const [right, bottom] = page.toPixel(500, 100);
      expect(blue.x1).toBeGreaterThanOrEqual(left - 1);
      expect(blue.x2).toBeLessThanOrEqual(right + 1);
      expect(blue.y1).toBeGreaterThanOrEqual(top - 1);
      expect(blue.y2).toBeLessThanOrEqual(bottom + 1);
      expect((await pdfsig(path))[0].validation).toBe('Signature is Valid.');
    });
  });

  it('signs a one-page decision: number, date and seal widgets all on the page the leader signed', async () => {
    const onePage = await nd30Pdf({ articles: 2 });
    expect(openPdfDocument(onePage).pageCount).toBe(1);
    const leader = pki.people[0];
    const clerk = pki.organisations[0];
    const signed = await signPdf(onePage, {
      role: 'personal',
      identity: leader.identity,
      image: readFileSync(leader.signatureImagePath),
    });
    const issued = await signPdf(signed, {
      role: 'organisation',
      identity: clerk.identity,
      number: 3,
      notation: 'QĐ-UBND',
      sealImage: readFileSync(clerk.sealImagePath),
    });
    const doc = openPdfDocument(issued);
    expect(doc.reader.array(doc.page(0)!.dict.get('Annots'))).toHaveLength(4);
    await withTempFile(issued, async (path) => {
      const sig = await pdfsig(path);
      expect(sig).toHaveLength(4);
      for (const s of sig) expect(s.validation).toBe('Signature is Valid.');
      expect((await pdftotext(path, 1)).split('\n').find((l) => l.includes('Số:'))).toMatch(
        /Số:\s*03\/QĐ-UBND/,
      );
      const page = await renderPage(path, 1, join(ARTIFACTS, 'nd30-one-page.png'));
      expect(colourBox(page, 'red').count).toBeGreaterThan(500);
      expect(colourBox(page, 'blue').count).toBeGreaterThan(500);
    });
  });
});
