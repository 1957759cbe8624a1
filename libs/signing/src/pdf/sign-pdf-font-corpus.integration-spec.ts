import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { colourBox, lineBoxes, renderPage, withTempFile } from '../../test-fixtures/pdf-validators';
import { openPdfDocument } from './document/pdf-document';
import { signPdf } from './sign-pdf';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'signing', 'font-corpus');
const CORPUS = join(__dirname, '..', '..', 'test-fixtures', 'font-corpus');
const PX = 100 / 72;
const VARIANTS = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.pdf'))
  .map((file) => file.replace(/\.pdf$/, ''))
  .sort();

let pki: TestPki;
// An hour ago in whole seconds: inside the test PKI's validity however old its cache is.
const SIGNING_TIME = new Date(Math.floor((Date.now() - 3_600_000) / 1000) * 1000);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  pki = await getTestPki();
});

/**
 * The same ND30 decision rendered by LibreOffice with Liberation Serif, Tinos, DejaVu Serif and Noto
 * Serif, with Vietnamese letters in a second font glyph by glyph (Liberation Serif 1.07 + Tinos) and
 * letter by letter (DejaVu Serif + Tinos), and printed by Chromium (see make-font-corpus.ts). The
 * leader's signature, placed automatically by each text reader alone, lies between "CHỦ TỊCH" and
 * the name wherever poppler (which shares nothing with our readers) sees those lines.
 */
describe('automatic placement of the leader signature across fonts and producers', () => {
  it('has the whole corpus', () => {
    expect(VARIANTS).toEqual([
      'chromium-liberation1-tinos-glyph-mix',
      'chromium-tinos',
      'libreoffice-dejavu-serif',
      'libreoffice-dejavu-tinos-letter-mix',
      'libreoffice-liberation-serif',
      'libreoffice-liberation1-tinos-glyph-mix',
      'libreoffice-noto-serif',
      'libreoffice-tinos',
    ]);
  });

  describe.each(VARIANTS)('%s', (variant) => {
    const rects: Record<string, number[]> = {};

    it.each(['content', 'pdfjs'] as const)(
      'through %s: blue image between the title and the name',
      async (engine) => {
        const leader = pki.people[0];
        const signed = await signPdf(readFileSync(join(CORPUS, `${variant}.pdf`)), {
          role: 'personal',
          identity: leader.identity,
          image: readFileSync(leader.signatureImagePath),
          textEngine: engine,
          signingTime: SIGNING_TIME,
        });
        const rect = openPdfDocument(signed).form.signatureWidgets[0].rect!;
        rects[engine] = [rect.x1, rect.y1, rect.x2, rect.y2];
        await withTempFile(signed, async (path) => {
          const page = await renderPage(path, 1, join(ARTIFACTS, `${variant}-${engine}.png`));
          const lines = await lineBoxes(path, 1);
          const title = lines.find((l) => l.squeezed === 'CHỦTỊCH')!;
          const name = lines.filter((l) => l.squeezed === 'NguyễnVănAn').sort((a, b) => b.yMin - a.yMin)[0];
          expect(title).toBeDefined();
          expect(name).toBeDefined();
          const blue = colourBox(page, 'blue');
          expect(blue.count).toBeGreaterThan(500);
          // below the title's descent and above the name's top (pixels, top-down)
          expect(blue.y1).toBeGreaterThanOrEqual(Math.floor(title.yMax * PX) - 2);
          expect(blue.y2).toBeLessThanOrEqual(Math.ceil(name.yMin * PX) + 2);
          // the widget centred on the name line, the blue ink inside it
          expect(Math.abs((rect.x1 + rect.x2) / 2 - (name.xMin + name.xMax) / 2)).toBeLessThan(1);
          expect(blue.x1).toBeGreaterThanOrEqual(Math.floor(rect.x1 * PX) - 1);
          expect(blue.x2).toBeLessThanOrEqual(Math.ceil(rect.x2 * PX) + 1);
        });
      },
    );

    it('places it the same through both readers', () => {
      expect(rects.content).toHaveLength(4);
      rects.content.forEach((v, i) => expect(Math.abs(v - rects.pdfjs[i])).toBeLessThan(0.5));
    });
  });
});
