import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { nd30Pdf } from '../../test-fixtures/nd30-document';
import {
  colourBox,
  pdfsig,
  pdftotext,
  qpdfCheck,
  renderPage,
  wordBoxes,
  withTempFile,
  type WordBox,
} from '../../test-fixtures/pdf-validators';
import { readFileSync } from 'node:fs';
import { sharedPdf } from '../../test-fixtures/shared-fixtures';
import { findPage } from './document/page-tree';
import { IncrementalUpdate } from './io/incremental-update';
import { PdfReader } from './io/pdf-reader';
import { signPdf } from './sign-pdf';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'signing');
const A4_WIDTH = 595.3;

let pki: TestPki;
let input: Buffer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pki = await getTestPki();
  input = await nd30Pdf({ articles: 3 });
});

/** Text lines of the stamp: words whose top lies in the top margin, grouped by line, left to right. */
async function topRightLines(
  path: string,
): Promise<{ lines: string[]; minX: number; maxX: number; heights: number[] }> {
  const words = (await wordBoxes(path, 1)).filter((w) => w.yMin < 56);
  const byLine = new Map<number, typeof words>();
  for (const w of words) {
    const key = Math.round(w.yMax);
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  const lines = [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ws]) =>
      ws
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text)
        .join(' '),
    );
  return {
    lines,
    minX: Math.min(...words.map((w) => w.xMin)),
    maxX: Math.max(...words.map((w) => w.xMax)),
    heights: words.map((w) => w.yMax - w.yMin),
  };
}

describe('text-only organisation signatures in the top right corner of page 1', () => {
  it('attachment: number and notation, ISO 8601 time in Vietnam time, organisation name, 10 pt black', async () => {
    // a minute ago, whole seconds: inside the test PKI's validity whenever it was generated
    const signingTime = new Date(Math.floor((Date.now() - 60_000) / 1000) * 1000);
    const vietnamIso = `${new Date(signingTime.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
    const output = await signPdf(input, {
      role: 'attachment',
      identity: pki.organisations[0].identity,
      number: 5,
      notation: 'QĐ-UBND',
      organisationName: "Ủy ban nhân dân huyện Ea H'Leo",
      signingTime,
    });
    expect(output.subarray(0, input.length).equals(input)).toBe(true);
    await withTempFile(output, async (path) => {
      expect((await pdfsig(path)).map((s) => s.validation)).toEqual(['Signature is Valid.']);
      expect((await qpdfCheck(path)).problems).toEqual([]);
      const { lines, minX, maxX, heights } = await topRightLines(path);
      expect(lines).toEqual(['05/QĐ-UBND', vietnamIso, "Ủy ban nhân dân huyện Ea H'Leo"]);
      expect(minX).toBeGreaterThan(A4_WIDTH / 2);
      expect(maxX).toBeLessThan(A4_WIDTH);
      for (const h of heights) expect(h).toBeLessThan(12);
      const page = await renderPage(path, 1, join(ARTIFACTS, 'attachment-page1.png'));
      expect(colourBox(page, 'red').count + colourBox(page, 'blue').count).toBe(0);
      expect(await pdftotext(path, 1)).toContain(vietnamIso);
    });
  });

  it.each([
    ['sao-y', 'SAO Y'],
    ['sao-luc', 'SAO LỤC'],
    ['trich-sao', 'TRÍCH SAO'],
  ] as const)('copy %s: copy type, copying body and time', async (copyType, label) => {
    // the coming New Year's Eve, 17:30 UTC: already the next year in Vietnam, and inside the test
    // PKI's validity whenever it was generated
    const year =
      new Date().getUTCFullYear() +
      (Date.now() > Date.UTC(new Date().getUTCFullYear(), 11, 31, 17, 30) ? 1 : 0);
    const output = await signPdf(input, {
      role: 'copy',
      identity: pki.organisations[1].identity,
      copyType,
      organisationName: 'Sở Nội vụ tỉnh Thừa Thiên Huế',
      signingTime: new Date(Date.UTC(year, 11, 31, 17, 30)),
    });
    await withTempFile(output, async (path) => {
      expect((await pdfsig(path)).map((s) => s.validation)).toEqual(['Signature is Valid.']);
      const { lines, minX } = await topRightLines(path);
      expect(lines).toEqual([label, 'Sở Nội vụ tỉnh Thừa Thiên Huế', `${year + 1}-01-01T00:30:00+07:00`]);
      expect(minX).toBeGreaterThan(A4_WIDTH / 2);
      if (copyType === 'sao-y') await renderPage(path, 1, join(ARTIFACTS, 'copy-page1.png'));
    });
  });
});

describe('the copy stamp in the free space at the top right', () => {
  const overlap = (a: WordBox, b: WordBox): boolean =>
    a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;

  // ND30's top margin is 20–25 mm and the header starts right at it; many agencies print with 15 mm.
  it.each([2, 1.5])(
    'covers no word of a page whose header starts at a %s cm top margin',
    async (topMarginCm) => {
      const page = await nd30Pdf({ articles: 3, topMarginCm });
      const output = await signPdf(page, {
        role: 'copy',
        identity: pki.organisations[1].identity,
        copyType: 'sao-y',
        organisationName: 'Sở Nội vụ tỉnh Thừa Thiên Huế',
        number: 1,
        notation: 'SY-UBND',
      });
      const before = await withTempFile(page, (path) => wordBoxes(path, 1));
      await withTempFile(output, async (path) => {
        expect((await pdfsig(path)).map((s) => s.validation)).toEqual(['Signature is Valid.']);
        const after = await wordBoxes(path, 1);
        const stamp = after.filter(
          (w) =>
            !before.some(
              (b) =>
                b.text === w.text && Math.abs(b.xMin - w.xMin) < 0.01 && Math.abs(b.yMin - w.yMin) < 0.01,
            ),
        );
        const text = stamp.map((w) => w.text).join(' ');
        for (const part of ['SAO', '01/SY-UBND', 'Thừa', 'Huế']) expect(text).toContain(part);
        expect(before.length).toBeGreaterThan(100);
        for (const word of stamp) {
          expect(before.filter((b) => overlap(word, b))).toEqual([]);
          expect(word.xMin).toBeGreaterThan(A4_WIDTH * 0.4);
          expect(word.yMax).toBeLessThan(842 / 4);
        }
        await renderPage(path, 1, join(ARTIFACTS, `copy-margin-${topMarginCm}cm.png`));
      });
    },
  );
});

/** minimal.pdf (300 × 144 points) with its page shown rotated by 90°: 144 × 300 as displayed. */
function rotatedMinimal(): Buffer {
  const input = sharedPdf('minimal');
  const reader = PdfReader.open(input);
  const page = findPage(reader, 0)!;
  const update = new IncrementalUpdate(reader);
  update.set(page.ref, page.dict.clone().set('Rotate', 90));
  return Buffer.concat([input, update.serialize().bytes]);
}

describe('explicit positions', () => {
  it('are read on the page as displayed and draw upright on a page rotated by 90°', async () => {
    const leader = pki.people[0];
    const output = await signPdf(rotatedMinimal(), {
      role: 'personal',
      identity: leader.identity,
      image: readFileSync(leader.signatureImagePath),
      placement: { page: 1, rect: { x: 10, y: 150, width: 120, height: 80 } },
    });
    await withTempFile(output, async (path) => {
      expect((await pdfsig(path))[0].validation).toBe('Signature is Valid.');
      const page = await renderPage(path, 1, join(ARTIFACTS, 'rotated-page1.png'));
      expect([page.png.width, page.png.height]).toEqual([200, 417]);
      const blue = colourBox(page, 'blue');
      // the 600 × 240 signature stays wide on screen, inside the displayed rectangle
      expect(blue.x2 - blue.x1).toBeGreaterThan(2 * (blue.y2 - blue.y1));
      const px = 100 / 72;
      expect(blue.x1).toBeGreaterThanOrEqual(Math.floor(10 * px) - 1);
      expect(blue.x2).toBeLessThanOrEqual(Math.ceil(130 * px) + 1);
      expect(blue.y1).toBeGreaterThanOrEqual(Math.floor((300 - 230) * px) - 1);
      expect(blue.y2).toBeLessThanOrEqual(Math.ceil((300 - 150) * px) + 1);
    });
  });

  it('place number, date and seal on a document without the ND30 header when automatic placement finds nothing', async () => {
    const clerk = pki.organisations[0];
    const output = await signPdf(sharedPdf('minimal'), {
      role: 'organisation',
      identity: clerk.identity,
      number: 7,
      notation: 'TB-UBND',
      date: '2026-01-09',
      placeName: "Ea H'Leo",
      sealImage: readFileSync(clerk.sealImagePath),
      sealDiameterMm: 30,
      numberPlacement: { page: 1, rect: { x: 5, y: 110, width: 120, height: 20 } },
      datePlacement: { page: 1, rect: { x: 130, y: 110, width: 165, height: 20 } },
      sealPlacement: { page: 1, rect: { x: 100, y: 20, width: 80, height: 80 } },
    });
    await withTempFile(output, async (path) => {
      const signatures = await pdfsig(path);
      expect(signatures).toHaveLength(3);
      for (const s of signatures) expect(s.validation).toBe('Signature is Valid.');
      const text = (await pdftotext(path, 1)).replace(/\s+/g, ' ');
      expect(text).toContain('Số: 07/TB-UBND');
      expect(text).toContain("Ea H'Leo, ngày 09 tháng 01 năm 2026");
      const page = await renderPage(path, 1, join(ARTIFACTS, 'organisation-explicit.png'));
      const red = colourBox(page, 'red');
      expect(red.x2 - red.x1).toBeGreaterThan((30 / 25.4) * 100 * 0.92);
    });
  });
});
