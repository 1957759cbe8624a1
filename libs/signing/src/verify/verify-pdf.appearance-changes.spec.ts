import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { annotsEdited, editObjects, formEdited, widgetsOf } from '../../test-fixtures/verify/form-updates';
import { appendRevision, lastRevision, pageTree } from '../../test-fixtures/verify/incremental-update';
import { issueTestDocument } from '../../test-fixtures/verify/issued-document';
import { dict, name, ref, withEntries } from '../../test-fixtures/verify/pdf-value-writer';
import { FORGED_TEXT, forgedAppearance, PARAGRAPH_RECT } from '../../test-fixtures/verify/sneaky-signature';
import { addTextField } from '../../test-fixtures/verify/tampering';
import { signPdf } from '../pdf/sign-pdf';
import { PdfDict, PdfRef, PdfString, PdfValue } from './pdf-reader/pdf-values';
import { PdfRevision } from './pdf-reader/pdf-revision';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerificationReport } from './verification-report';

const disallowed = (s: SignatureReport): string[] =>
  s.changesAfter.filter((c) => !c.allowed).map((c) => c.kind);
const js = (code: string): PdfDict =>
  dict({ S: name('JavaScript'), JS: new PdfString(Buffer.from(code), false) });
const catalogNum = (rev: PdfRevision): number => (rev.trailer.get('Root') as PdfRef).num;
/** the /AP /N stream object of a widget */
const normalAppearance = (rev: PdfRevision, widget: number): number =>
  ((rev.dict((rev.get(widget) as PdfDict).get('AP')) as PdfDict).get('N') as PdfRef).num;

/**
 * Changes to what already stood when the document was signed: appearances of its widgets, their
 * flags and order, actions, the form's drawing rules, and the page tree as viewers count it.
 */
describe('verifyPdf: existing widgets, annotations and actions changed after signing', () => {
  let pki: TestPki;
  let draft: Buffer;
  let issued: Buffer;
  let rev: PdfRevision;
  let leaderWidget: number;
  let sealWidget: number;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });
  /** both signatures invalid, and what the leader's signature reports as disallowed */
  const leaderRefuses = async (pdf: Buffer): Promise<string[]> => {
    const report = await verify(pdf);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['invalid', 'invalid']);
    return disallowed(report.signatures[0]);
  };

  beforeAll(async () => {
    pki = await getTestPki();
    ({ draft, issued } = await issueTestDocument(pki));
    rev = lastRevision(issued);
    [leaderWidget] = widgetsOf(rev, 'PersonalSignature1');
    sealWidget = widgetsOf(rev, 'OrganisationSignature1').at(-1) as number;
  });

  it("a signed widget's appearance stream rewritten in place (the leader's signature image)", async () => {
    const pdf = appendRevision(issued, new Map([[normalAppearance(rev, leaderWidget), forgedAppearance()]]));
    expect(await leaderRefuses(pdf)).toEqual(['SIGNATURE_MODIFIED']);
  });

  it("a signed widget's /AP pointed at another stream", async () => {
    const n = Number(rev.trailer.get('Size'));
    const pdf = appendRevision(
      issued,
      new Map<number, PdfValue>([
        [sealWidget, withEntries(rev.get(sealWidget) as PdfDict, { AP: dict({ N: ref(n) }) })],
        [n, forgedAppearance()],
      ]),
    );
    // the widget was changed, and its new appearance has no signature of its field behind it
    expect(await leaderRefuses(pdf)).toEqual(['SIGNATURE_MODIFIED', 'UNSIGNED_SIGNATURE_APPEARANCE']);
  });

  it('a signed widget hidden by its flags (/F Hidden), and one moved (/Rect)', async () => {
    const hidden = editObjects(issued, { [sealWidget]: (w) => withEntries(w as PdfDict, { F: 2 }) });
    expect(await leaderRefuses(hidden)).toEqual(['SIGNATURE_MODIFIED']);
    const moved = editObjects(issued, {
      [sealWidget]: (w) => withEntries(w as PdfDict, { Rect: PARAGRAPH_RECT }),
    });
    expect(await leaderRefuses(moved)).toEqual(['SIGNATURE_MODIFIED']);
  });

  it('annotations reordered, or one listed twice, so that another comes on top (ANNOTATIONS_REORDERED)', async () => {
    const swapped = appendRevision(issued, new Map(annotsEdited(rev, (list) => [...list].reverse())));
    expect(await leaderRefuses(swapped)).toEqual(['ANNOTATIONS_REORDERED']);
    const twice = appendRevision(issued, new Map(annotsEdited(rev, (list) => [...list, ref(leaderWidget)])));
    expect(await leaderRefuses(twice)).toEqual(['ANNOTATIONS_REORDERED']);
  });

  it("the page's /Annots taken away: the signatures' widgets are gone from the page", async () => {
    const { firstPageNum, firstPage } = pageTree(rev);
    const pdf = appendRevision(
      issued,
      new Map([[firstPageNum, withEntries(firstPage, { Annots: undefined })]]),
    );
    expect(await leaderRefuses(pdf)).toEqual(['SIGNATURE_MODIFIED']);
  });

  it('an annotation written inline in /Annots (no object number of its own) is an added annotation', async () => {
    const freeText = dict({
      Type: name('Annot'),
      Subtype: name('FreeText'),
      Rect: PARAGRAPH_RECT,
      Contents: new PdfString(Buffer.from(FORGED_TEXT), false),
      DA: new PdfString(Buffer.from('/Helv 11 Tf 0 g'), false),
      C: [1, 1, 1],
    });
    const pdf = appendRevision(issued, new Map(annotsEdited(rev, (list) => [...list, freeText])));
    expect(await leaderRefuses(pdf)).toEqual(['ANNOTATION_ADDED']);
  });

  it('an /OpenAction, a page /AA and a /Names JavaScript added (ACTION_CHANGED)', async () => {
    const catalog = rev.catalog as PdfDict;
    const { firstPageNum, firstPage } = pageTree(rev);
    const cases: Array<Array<[number, PdfValue]>> = [
      [[catalogNum(rev), withEntries(catalog, { OpenAction: js('app.alert(1)') })]],
      [[firstPageNum, withEntries(firstPage, { AA: dict({ O: js('this.print()') }) })]],
      [
        [
          catalogNum(rev),
          withEntries(catalog, {
            Names: dict({ JavaScript: dict({ Names: [new PdfString(Buffer.from('a'), false), js('1')] }) }),
          }),
        ],
      ],
    ];
    for (const objects of cases)
      expect(await leaderRefuses(appendRevision(issued, new Map(objects)))).toEqual(['ACTION_CHANGED']);
  });

  describe('on a document with a text field', () => {
    let signed: Buffer;
    let fieldNum: number;

    beforeAll(async () => {
      signed = await signPdf(addTextField(draft), { role: 'personal', identity: pki.people[0].identity });
      [fieldNum] = widgetsOf(lastRevision(signed), 'GhiChu');
    });

    it("a field's /AA (a script on focus) added (ACTION_CHANGED)", async () => {
      const pdf = editObjects(signed, {
        [fieldNum]: (f) => withEntries(f as PdfDict, { AA: dict({ Fo: js('1') }) }),
      });
      const [s] = (await verify(pdf)).signatures;
      expect(disallowed(s)).toEqual(['ACTION_CHANGED']);
    });

    it('/NeedAppearances set: viewers would redraw the field from its value, not the signed appearance', async () => {
      const pdf = appendRevision(
        signed,
        new Map(formEdited(lastRevision(signed), () => ({ NeedAppearances: true }))),
      );
      const [s] = (await verify(pdf)).signatures;
      expect(disallowed(s)).toEqual(['NEED_APPEARANCES_SET']);
    });
  });

  it('/NeedAppearances on a form of signature fields only (viewers never redraw those) stays allowed', async () => {
    const pdf = appendRevision(issued, new Map(formEdited(rev, () => ({ NeedAppearances: true }))));
    const report = await verify(pdf);
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0].changesAfter.filter((c) => c.revision === 4).map((c) => c.kind)).toEqual([
      'FORM_RESOURCES_UPDATED',
    ]);
  });

  it("the page tree's /Count lowered (pdf.js then shows fewer pages), or a page written inline", async () => {
    const pagesRef = (rev.catalog as PdfDict).get('Pages') as PdfRef;
    const pages = rev.get(pagesRef.num) as PdfDict;
    const counted = editObjects(issued, { [pagesRef.num]: () => withEntries(pages, { Count: 0 }) });
    expect(await leaderRefuses(counted)).toEqual(['PAGE_MODIFIED']);
    const kids = rev.resolve(pages.get('Kids')) as PdfValue[];
    const inline = dict({ Type: name('Page'), Parent: pagesRef, MediaBox: [0, 0, 595, 842] });
    const added = editObjects(issued, {
      [pagesRef.num]: () => withEntries(pages, { Kids: [...kids, inline], Count: kids.length + 1 }),
    });
    expect(await leaderRefuses(added)).toEqual(['PAGE_MODIFIED']);
  });

  it('an optional content configuration that could hide page content is a catalog change', async () => {
    const catalog = rev.catalog as PdfDict;
    const ocg = dict({ Type: name('OCG'), Name: new PdfString(Buffer.from('x'), false) });
    const pdf = appendRevision(
      issued,
      new Map([
        [
          catalogNum(rev),
          withEntries(catalog, { OCProperties: dict({ OCGs: [ocg], D: dict({ OFF: [ocg] }) }) }),
        ],
      ]),
    );
    expect(await leaderRefuses(pdf)).toEqual(['CATALOG_MODIFIED']);
  });
});
