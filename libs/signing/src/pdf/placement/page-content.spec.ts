import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import { PNG } from 'pngjs';
import { openPdfDocument } from '../document/pdf-document';
import type { PageContent } from './content-state';
import { extractPageContent } from './page-text-extractor';
import { pdfjsPageContent } from './pdfjs-page-content';

let pdf: Buffer;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  const png = new PNG({ width: 4, height: 4 });
  png.data.fill(90);
  const image = await doc.embedPng(PNG.sync.write(png));
  page.drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: rgb(1, 1, 1) });
  page.drawLine({ start: { x: 20, y: 200 }, end: { x: 120, y: 200 }, thickness: 1, color: rgb(0, 0, 0) });
  page.drawImage(image, { x: 150, y: 150, width: 40, height: 30 });
  page.drawText('Hello', { x: 30, y: 250, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  pdf = Buffer.from(await doc.save());
});

function expectContent(content: PageContent): void {
  expect(content.glyphs.map((g) => g.text).join('')).toBe('Hello');
  expect(content.glyphs[0].x).toBeCloseTo(30, 1);
  expect(content.glyphs[0].y).toBeCloseTo(250, 1);
  const rounded = content.graphics.map((b) => [b.x1, b.y1, b.x2, b.y2].map(Math.round));
  // the black line and the image; not the white rectangle, which shows nothing on paper
  expect(rounded).toContainEqual([20, 200, 120, 200]);
  expect(rounded).toContainEqual([150, 150, 190, 180]);
  expect(rounded.filter(([x1, y1]) => x1 < 60 && y1 < 60)).toEqual([]);
}

describe('page content: glyphs and painted boxes', () => {
  it('through our content-stream reader', () => {
    const doc = openPdfDocument(pdf);
    expectContent(extractPageContent(doc.reader, doc.page(0)!));
  });

  it('through pdf.js', async () => {
    expectContent(await pdfjsPageContent(pdf, 0));
  });
});
