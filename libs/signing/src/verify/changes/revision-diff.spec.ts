import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendRevision, lastRevision } from '../../../test-fixtures/verify/incremental-update';
import { dict, name, ref, withEntries } from '../../../test-fixtures/verify/pdf-value-writer';
import { PdfFile } from '../pdf-reader/pdf-file';
import { PdfDict, PdfStream, PdfString, PdfValue } from '../pdf-reader/pdf-values';
import { ChangeAnalyzer } from './change-analyzer';
import { SHARED_DIR } from '../../../test-fixtures/shared-dir';

const SHARED = join(SHARED_DIR, 'fixtures/pdf');
const base = (file = 'pyhanko-minimal.pdf'): Buffer => readFileSync(join(SHARED, file));

/** kinds and objects of what the last revision changed, as [kind, allowed] pairs */
function changesOfLastRevision(pdf: Buffer): Array<[string, boolean, number[]]> {
  const file = PdfFile.open(pdf);
  return new ChangeAnalyzer(file)
    .changesAfter(file.revisions.length - 2, () => 2)
    .map((c) => [c.kind, c.allowed, c.objects]);
}

const update = (pdf: Buffer, objects: Array<[number, PdfValue]>): Buffer =>
  appendRevision(pdf, new Map(objects));

describe('change analysis between two revisions', () => {
  it('an object stored again with the same value is no change at all', () => {
    const rev = lastRevision(base());
    expect(changesOfLastRevision(update(base(), [[3, rev.get(3)]]))).toEqual([]);
  });

  it('reals rewritten with fewer digits are the same value', () => {
    const rev = lastRevision(base());
    const pages = rev.get(2) as PdfDict;
    const once = update(base(), [[2, withEntries(pages, { MediaBox: [0, 0, 300.000000000001, 144] })]]);
    expect(changesOfLastRevision(once)).toEqual([]);
    const moved = update(base(), [[2, withEntries(pages, { MediaBox: [0, 0, 300.5, 144] })]]);
    expect(changesOfLastRevision(moved)).toEqual([['PAGE_MODIFIED', false, [2]]]);
  });

  it('a content stream replaced under the same object number (no page change) is caught', () => {
    const stream = new PdfStream(dict({}), Buffer.from('BT /F1 18 Tf 0 0 Td (Goodbye World) Tj ET'));
    expect(changesOfLastRevision(update(base(), [[4, stream]]))).toEqual([
      ['PAGE_CONTENT_CHANGED', false, [4]],
    ]);
  });

  it('a font inside the page resources changed in place is a resource change', () => {
    const pdf = base('pyhanko-minimal-two-pages.pdf');
    const rev = lastRevision(pdf);
    const page = rev.get(3) as PdfDict;
    const font = dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Courier') });
    const withFontObject = update(pdf, [
      [3, withEntries(page, { Resources: dict({ Font: dict({ F1: ref(9) }) }) })],
      [9, dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Times-Roman') })],
    ]);
    expect(changesOfLastRevision(update(withFontObject, [[9, font]]))).toEqual([
      ['PAGE_RESOURCES_CHANGED', false, [9]],
    ]);
  });

  it('a page removed from the tree is PAGE_REMOVED', () => {
    const pdf = base('pyhanko-minimal-two-pages.pdf');
    const pages = lastRevision(pdf).get(2) as PdfDict;
    const changes = changesOfLastRevision(
      update(pdf, [[2, withEntries(pages, { Kids: [ref(3)], Count: 1 })]]),
    );
    expect(changes).toEqual([['PAGE_REMOVED', false, [5]]]);
  });

  it('document information (/Info) and unreferenced objects are allowed', () => {
    const info = dict({ Producer: new PdfString(Buffer.from('vanthu'), false) });
    const pdf = appendRevision(
      base(),
      new Map<number, PdfValue>([
        [5, info],
        [6, dict({ Unused: true })],
      ]),
      { Info: ref(5) },
    );
    expect(changesOfLastRevision(pdf)).toEqual([
      ['METADATA_UPDATED', true, [5]],
      ['UNREFERENCED_OBJECT', true, [6]],
    ]);
  });

  it('a catalog entry that changes behaviour (an open action) is ACTION_CHANGED', () => {
    const catalog = lastRevision(base()).get(1) as PdfDict;
    const pdf = update(base(), [
      [
        1,
        withEntries(catalog, {
          OpenAction: dict({ S: name('JavaScript'), JS: new PdfString(Buffer.from('app.alert(1)'), false) }),
        }),
      ],
    ]);
    expect(changesOfLastRevision(pdf)).toEqual([['ACTION_CHANGED', false, [1]]]);
  });

  it('bytes after a revision that its startxref does not index are XREF_ONLY_UPDATE', () => {
    const pdf = base();
    const previousXref = PdfFile.open(pdf).last.xrefOffset;
    const sneaky = Buffer.concat([
      pdf,
      Buffer.from(
        `4 0 obj\n<< /Length 20 >>\nstream\nBT (Sneaky) Tj ET   \nendstream\nendobj\nstartxref\n${previousXref}\n%%EOF\n`,
      ),
    ]);
    expect(PdfFile.open(sneaky).revisions.length).toBe(2);
    expect(changesOfLastRevision(sneaky)).toEqual([['XREF_ONLY_UPDATE', false, []]]);
  });
});
