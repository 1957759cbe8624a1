import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { signWithCustomByteRange } from '../../test-fixtures/verify/custom-signature';
import { pdfsig } from '../../test-fixtures/verify/peers';
import { addCommentAfterSigning, addTextField, fillTextField } from '../../test-fixtures/verify/tampering';
import { signPdf } from '../pdf/sign-pdf';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerificationReport } from './verification-report';

const FIXTURES = join(__dirname, '../../test-fixtures/verify');
const kinds = (s: SignatureReport): Array<[string, boolean]> =>
  s.changesAfter.map((c) => [c.kind, c.allowed]);

describe('verifyPdf: what may change after a signature (approval and DocMDP certification)', () => {
  let pki: TestPki;
  let doc: Buffer;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });

  beforeAll(async () => {
    pki = await getTestPki();
    doc = addTextField(readFileSync(join(FIXTURES, 'quyet-dinh-libreoffice.pdf')));
  });

  it('form filling after an approval signature is allowed (FORM_FILLED)', async () => {
    const signed = await signPdf(doc, { role: 'personal', identity: pki.people[0].identity });
    const filled = fillTextField(signed, 'Da tiep nhan');
    const [s] = (await verify(filled)).signatures;
    expect(s.verdict).toBe('valid');
    expect(kinds(s)).toEqual([['FORM_FILLED', true]]);
  });

  it('a comment added after an approval signature is not allowed (ANNOTATION_ADDED), though pdfsig accepts it', async () => {
    const signed = await signPdf(doc, { role: 'personal', identity: pki.people[0].identity });
    const commented = addCommentAfterSigning(signed);
    const [s] = (await verify(commented)).signatures;
    expect(s.verdict).toBe('invalid');
    expect(kinds(s)).toEqual([['ANNOTATION_ADDED', false]]);
    expect((await pdfsig(commented))[0].validation).toBe('Signature is Valid.');
  });

  it('a field locked by the signature (FieldMDP) may not be filled afterwards; other changes stay allowed', async () => {
    const locking = await signWithCustomByteRange(doc, {
      identity: pki.people[0].identity,
      lockFields: ['GhiChu'],
    });
    const [s] = (await verify(fillTextField(locking, 'sua'))).signatures;
    expect(s.verdict).toBe('invalid');
    expect(kinds(s)).toEqual([['LOCKED_FIELD_MODIFIED', false]]);
    const [other] = (
      await verify(
        fillTextField(
          await signWithCustomByteRange(doc, { identity: pki.people[0].identity, lockFields: ['Khac'] }),
          'ok',
        ),
      )
    ).signatures;
    expect(kinds(other)).toEqual([['FORM_FILLED', true]]);
  });

  it('certified with P=1: even a later signature is a disallowed change for the certifying signature', async () => {
    const certified = await signWithCustomByteRange(doc, {
      identity: pki.organisations[0].identity,
      certify: 1,
      fieldName: 'ChungThuc',
    });
    const [alone] = (await verify(certified)).signatures;
    expect(alone).toMatchObject({ verdict: 'valid', certification: { permission: 1 } });
    const approved = await signWithCustomByteRange(certified, {
      identity: pki.people[0].identity,
      fieldName: 'PheDuyet',
    });
    const report = await verify(approved);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0].reasons.map((r) => r.code)).toContain('DISALLOWED_CHANGES_AFTER');
    expect(kinds(report.signatures[0])).toContainEqual(['SIGNATURE_ADDED', false]);
    expect(report.signatures[1].verdict).toBe('valid');
  });

  it('certified with P=1: filling the form afterwards is disallowed too', async () => {
    const certified = await signWithCustomByteRange(doc, {
      identity: pki.organisations[0].identity,
      certify: 1,
    });
    const [s] = (await verify(fillTextField(certified, 'x'))).signatures;
    expect(s.verdict).toBe('invalid');
    expect(kinds(s)).toContainEqual(['FORM_FILLED', false]);
  });

  it('certified with P=2: signing and form filling are allowed, comments are not', async () => {
    const certified = await signWithCustomByteRange(doc, {
      identity: pki.organisations[0].identity,
      certify: 2,
    });
    const signedAgain = await signPdf(fillTextField(certified, 'ok'), {
      role: 'personal',
      identity: pki.people[0].identity,
    });
    const ok = await verify(signedAgain);
    expect(ok.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(ok.signatures[0].changesAfter.every((c) => c.allowed)).toBe(true);
    const [s] = (await verify(addCommentAfterSigning(certified))).signatures;
    expect(kinds(s)).toEqual([['ANNOTATION_ADDED', false]]);
  });

  it('certified with P=3: comments are allowed', async () => {
    const certified = await signWithCustomByteRange(doc, {
      identity: pki.organisations[0].identity,
      certify: 3,
    });
    const [s] = (await verify(addCommentAfterSigning(certified))).signatures;
    expect(s).toMatchObject({ verdict: 'valid', certification: { permission: 3 } });
    expect(kinds(s)).toEqual([['ANNOTATION_ADDED', true]]);
  });
});
