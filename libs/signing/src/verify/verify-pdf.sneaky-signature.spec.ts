import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { pdftotext, withTempFile } from '../../test-fixtures/pdf-validators';
import { SHARED_DIR } from '../../test-fixtures/shared-dir';
import { signWithCustomByteRange } from '../../test-fixtures/verify/custom-signature';
import { editObjects, widgetsOf } from '../../test-fixtures/verify/form-updates';
import { appendRevision, lastRevision } from '../../test-fixtures/verify/incremental-update';
import { issueTestDocument } from '../../test-fixtures/verify/issued-document';
import { pdfsig } from '../../test-fixtures/verify/peers';
import { dict, name, ref, withEntries } from '../../test-fixtures/verify/pdf-value-writer';
import {
  addSneakySignature,
  addSneakySignatureWithKids,
  FORGED_TEXT,
  forgedAppearance,
} from '../../test-fixtures/verify/sneaky-signature';
import { signPdf } from '../pdf/sign-pdf';
import { PdfDict, PdfRef, PdfString, PdfValue } from './pdf-reader/pdf-values';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerificationReport } from './verification-report';

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'verify');
const disallowed = (s: SignatureReport): string[] =>
  s.changesAfter.filter((c) => !c.allowed).map((c) => c.kind);
const kinds = (s: SignatureReport): string[] => s.changesAfter.map((c) => c.kind);

describe('verifyPdf: signature fields added after signing (the "sneaky signature")', () => {
  let pki: TestPki;
  let draft: Buffer;
  /** the leader's visible signature, then the organisation's number, date and seal: 3 revisions */
  let issued: Buffer;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });

  beforeAll(async () => {
    pki = await getTestPki();
    ({ draft, issued } = await issueTestDocument(pki));
    await mkdir(ARTIFACTS, { recursive: true });
  });

  /** both signatures of the issued document invalid for exactly this reason, in revision 4 */
  async function expectRefused(pdf: Buffer, kind = 'UNSIGNED_SIGNATURE_APPEARANCE'): Promise<void> {
    const report = await verify(pdf);
    expect(report.verdict).toBe('invalid');
    for (const s of report.signatures.slice(0, 2)) {
      expect(s.verdict).toBe('invalid');
      expect(s.intact).toBe(true);
      expect(disallowed(s)).toEqual([kind]);
      expect(s.changesAfter.find((c) => c.kind === kind)?.revision).toBe(4);
      expect(s.reasons.map((r) => r.code)).toContain('DISALLOWED_CHANGES_AFTER');
    }
  }

  it('the issued document itself is valid, and its signing fields are allowed changes', async () => {
    const report = await verify(issued);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(kinds(report.signatures[0])).toContain('SIGNATURE_ADDED');
    expect(disallowed(report.signatures[0])).toEqual([]);
  });

  it('an unsigned signature field painting a forged paragraph: both signatures invalid, though pdfsig and the page say otherwise', async () => {
    const forged = addSneakySignature(issued);
    await writeFile(join(ARTIFACTS, 'sneaky-signature.pdf'), forged);
    await expectRefused(forged);
    // poppler checks each signature's bytes only, not what changed after it: every signature is "valid"
    // (the org signature once per widget) and the forged field only "is not signed"
    const sigs = await pdfsig(forged);
    expect(sigs.map((s) => s.validation)).toEqual([...Array(4).fill('Signature is Valid.'), '']);
    // and poppler shows the forged paragraph on the page: it is not what was signed
    const text = await withTempFile(forged, (path) => pdftotext(path, 1));
    expect(text).toContain(FORGED_TEXT);
    expect(await withTempFile(issued, (path) => pdftotext(path, 1))).not.toContain(FORGED_TEXT);
  });

  it('written as a parent field with a separate widget (/Kids)', async () => {
    await expectRefused(addSneakySignatureWithKids(issued));
  });

  it('a widget on the page whose field is not in the form (its /Parent chain says /FT /Sig)', async () => {
    await expectRefused(addSneakySignature(issued, { inForm: false }));
  });

  it("a new widget that names the leader's signed field as its /Parent", async () => {
    const rev = lastRevision(issued);
    const [leaderWidget] = widgetsOf(rev, 'PersonalSignature1');
    const forged = addSneakySignature(issued, {
      inForm: false,
      widget: () => ({ FT: undefined, T: undefined, Parent: ref(leaderWidget) }),
    });
    const report = await verify(forged);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['invalid', 'invalid']);
    expect(disallowed(report.signatures[0])).toContain('UNSIGNED_SIGNATURE_APPEARANCE');
  });

  it("a field whose /V reuses the leader's signature dictionary (a recycled value) is not signed by it", async () => {
    const rev = lastRevision(issued);
    const [leaderWidget] = widgetsOf(rev, 'PersonalSignature1');
    const leaderValue = (rev.get(leaderWidget) as PdfDict).get('V') as PdfValue;
    const forged = addSneakySignature(issued, { widget: () => ({ V: leaderValue }) });
    await expectRefused(forged);
    // the reused value is still the leader's one signature, not a third
    expect((await verify(forged)).signatures).toHaveLength(2);
  });

  it('a visible signature whose own signature is broken vouches for nothing', async () => {
    const signed = await signPdf(issued, {
      role: 'personal',
      identity: pki.people[1].identity,
      image: await readFile(pki.people[1].signatureImagePath),
      placement: { page: 1, rect: { x: 320, y: 120, width: 120, height: 50 } },
    });
    // one hex digit of the new CMS changed: the third signature no longer verifies
    const at = signed.lastIndexOf('/Contents <') + '/Contents <'.length + 200;
    const broken = Buffer.from(signed);
    broken[at] = broken[at] === 0x30 ? 0x31 : 0x30;
    const report = await verify(broken);
    expect(report.signatures[2].intact).toBe(false);
    expect(disallowed(report.signatures[0])).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
  });

  it('a field added unsigned in one revision and signed by its own signature in the next is allowed', async () => {
    const placed = addSneakySignature(issued, {
      widget: () => ({ T: new PdfString(Buffer.from('PheDuyet'), false) }),
    });
    const [field] = widgetsOf(lastRevision(placed), 'PheDuyet');
    const signed = await signWithCustomByteRange(placed, {
      identity: pki.people[1].identity,
      fillField: field,
    });
    const report = await verify(signed);
    expect(report.signatures.map((s) => [s.fieldName, s.verdict])).toEqual([
      ['PersonalSignature1', 'valid'],
      ['OrganisationSignature1', 'valid'],
      ['PheDuyet', 'valid'],
    ]);
    expect(report.signatures[0].changesAfter.map((c) => [c.revision, c.kind, c.allowed])).toEqual(
      expect.arrayContaining([
        [4, 'SIGNATURE_ADDED', true],
        [5, 'SIGNATURE_ADDED', true],
      ]),
    );
  });

  it('a field added unsigned and another field signed afterwards: the forged appearance stays refused', async () => {
    const forged = addSneakySignature(issued);
    const signedAfter = await signPdf(forged, { role: 'personal', identity: pki.people[1].identity });
    const report = await verify(signedAfter);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['invalid', 'invalid', 'valid']);
    expect(disallowed(report.signatures[1])).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
  });

  it('a signature placeholder that was signed over may not get an appearance, or be unhidden, without being signed', async () => {
    // a hidden, empty signature field ("Ký duyệt") is part of the document when the leader signs
    const hiddenPlaceholder = addSneakySignature(draft, {
      widget: (n) => ({ F: 2, T: new PdfString(Buffer.from('KyDuyet'), false), AP: dict({ N: ref(n + 1) }) }),
    });
    const signed = await signPdf(hiddenPlaceholder, { role: 'personal', identity: pki.people[0].identity });
    const [placeholder] = widgetsOf(lastRevision(signed), 'KyDuyet');
    const unhidden = editObjects(signed, { [placeholder]: (w) => withEntries(w as PdfDict, { F: 4 }) });
    const [s] = (await verify(unhidden)).signatures;
    expect(disallowed(s)).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
    // before this change the same edit was "Thêm chữ ký số (được phép)"
    expect((await verify(signed)).signatures[0].verdict).toBe('valid');
  });

  it('an empty appearance of a visible placeholder replaced in place after signing', async () => {
    const placeholder = addSneakySignature(draft, {
      widget: () => ({ T: new PdfString(Buffer.from('KyDuyet'), false) }),
      objects: (n) => [[n + 1, forgedAppearance({ content: '% DSBlank' })]],
    });
    const signed = await signPdf(placeholder, { role: 'personal', identity: pki.people[0].identity });
    const rev = lastRevision(signed);
    const [widget] = widgetsOf(rev, 'KyDuyet');
    const apRef = (rev.dict((rev.get(widget) as PdfDict).get('AP')) as PdfDict).get('N');
    const replaced = appendRevision(signed, new Map([[(apRef as PdfRef).num, forgedAppearance()]]));
    const [s] = (await verify(replaced)).signatures;
    expect(s.verdict).toBe('invalid');
    expect(disallowed(s)).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
  });

  it('a visible field reusing the document timestamp of a pyHanko B-LTA file is not a timestamp of its own', async () => {
    const lta = await readFile(join(SHARED_DIR, 'fixtures/pdf/pyhanko-pades-lta-dss-indirect-arrs-test.pdf'));
    const rev = lastRevision(lta);
    const [docTsField] = widgetsOf(rev, 'Timestamp-977301ad-bec9-4cae-a0cd-f6a674c6e465');
    const tsValue = (rev.get(docTsField) as PdfDict).get('V') as PdfValue;
    const [sig] = (
      await verifyPdf(addSneakySignature(lta, { widget: () => ({ V: tsValue }) }), { trustAnchors: [] })
    ).signatures;
    expect(disallowed(sig)).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
  });

  it('a new, signed signature may not bring an action (a script run when its widget is shown)', async () => {
    const signed = await signWithCustomByteRange(issued, {
      identity: pki.people[1].identity,
      widget: () => ({
        AA: dict({
          PO: dict({ S: name('JavaScript'), JS: new PdfString(Buffer.from('this.getField("x")'), false) }),
        }),
      }),
    });
    const report = await verify(signed);
    expect(report.signatures[2].verdict).toBe('valid');
    expect(disallowed(report.signatures[0])).toEqual(['ACTION_CHANGED']);
  });

  it("our own signer's personal, organisation, attachment and copy signatures are allowed after each other", async () => {
    const org = pki.organisations[0];
    const copied = await signPdf(issued, {
      role: 'copy',
      identity: org.identity,
      copyType: 'sao-y',
      organisationName: 'Ủy ban nhân dân huyện Ea H’Leo',
      number: 1,
      notation: 'SY-UBND',
    });
    const attachment = await signPdf(draft, {
      role: 'attachment',
      identity: org.identity,
      number: 12,
      notation: 'QĐ-UBND',
      organisationName: 'Ủy ban nhân dân huyện Ea H’Leo',
    });
    for (const pdf of [copied, attachment]) {
      const report = await verify(pdf);
      expect(report.signatures.every((s) => s.verdict === 'valid')).toBe(true);
      for (const s of report.signatures) expect(disallowed(s)).toEqual([]);
    }
    expect(kinds((await verify(copied)).signatures[0])).not.toContain('UNSIGNED_SIGNATURE_APPEARANCE');
  });
});
