import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { seededRandom } from './vietnamese-subjects';

const WORDS = [
  'UY BAN NHAN DAN',
  'CONG HOA XA HOI CHU NGHIA VIET NAM',
  'Doc lap - Tu do - Hanh phuc',
  've viec',
  'trien khai',
  'ke hoach',
  'phong, chong thien tai',
  'tren dia ban',
  'xa Ea Sol',
  'huyen Ea H Leo',
  'tinh Dak Lak',
];

/**
 * A valid, unsigned PDF of at least `bytes` (a scanned letter's typical size is ~100 KB): A4 pages
 * of typed text with serial numbers, varied enough that compression does not shrink it to nothing.
 */
export async function samplePdf(bytes = 100 * 1024): Promise<Buffer> {
  const random = seededRandom(7);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setTitle('Van ban den (mau benchmark)');
  for (let pageNo = 1; ; pageNo++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < 70; line++) {
      const words = Array.from({ length: 9 }, () =>
        random() < 0.3 ? String(Math.floor(random() * 1e9)) : WORDS[Math.floor(random() * WORDS.length)],
      );
      page.drawText(`${pageNo}.${line} ${words.join(' ')}`, { x: 40, y: 800 - line * 11, size: 8, font });
    }
    const pdf = Buffer.from(await doc.save());
    if (pdf.length >= bytes) return pdf;
  }
}
