import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isAppException } from '@vanthu/shared';
import { SHARED_PDF_DIR } from '../../test-fixtures/shared-fixtures';
import { inspectPdf } from '../pdf/inspect-pdf';
import { inspectAndVerifyPdf, verifyPdf } from './verify-pdf';

const run = promisify(execFile);
const now = new Date('2026-11-26T03:00:00Z');
const fixtures = readdirSync(SHARED_PDF_DIR).filter((name) => name.endsWith('.pdf'));

/** The page count poppler reads, or its complaint. */
async function popplerPages(path: string): Promise<number | string> {
  try {
    const { stdout } = await run('pdfinfo', [path]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

async function codeOf(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (isAppException(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('inspectAndVerifyPdf: the page count and the verification report from one parse', () => {
  it.each(fixtures)(
    '%s: the pages poppler and the signing parser count, the report verifyPdf gives',
    async (name) => {
      const bytes = readFileSync(join(SHARED_PDF_DIR, name));
      const poppler = await popplerPages(join(SHARED_PDF_DIR, name));
      if (typeof poppler === 'string') {
        // the password-protected sample: refused the same way by both parsers
        expect(poppler).toMatch(/password/i);
        expect(await codeOf(() => inspectAndVerifyPdf(bytes, { trustAnchors: [], now }))).toBe(
          'PDF_ENCRYPTED',
        );
        expect(await codeOf(() => inspectPdf(bytes))).toBe('PDF_ENCRYPTED');
        return;
      }
      const { pageCount, report } = await inspectAndVerifyPdf(bytes, { trustAnchors: [], now });
      expect(pageCount).toBe(poppler);
      expect(pageCount).toBe(inspectPdf(bytes).pageCount);
      expect(report).toEqual(await verifyPdf(bytes, { trustAnchors: [], now }));
    },
  );

  it('finds two pages in the two-page sample', async () => {
    const bytes = readFileSync(join(SHARED_PDF_DIR, 'pyhanko-minimal-two-pages.pdf'));
    expect((await inspectAndVerifyPdf(bytes, { trustAnchors: [], now })).pageCount).toBe(2);
  });

  it('refuses a document whose catalog has no page tree, and what is not a PDF', async () => {
    const original = readFileSync(join(SHARED_PDF_DIR, 'pyhanko-minimal.pdf'));
    // same length, so every offset in the cross-reference table still holds
    const noPages = Buffer.from(
      original.toString('latin1').replace('/Pages 2 0 R', '/Pagez 2 0 R'),
      'latin1',
    );
    expect(noPages.length).toBe(original.length);
    expect(await codeOf(() => inspectAndVerifyPdf(noPages, { trustAnchors: [], now }))).toBe('PDF_MALFORMED');
    expect(await codeOf(() => inspectAndVerifyPdf(Buffer.from('GIF89a'), { trustAnchors: [], now }))).toBe(
      'PDF_NOT_PDF',
    );
  });
});
