import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { signWithCustomByteRange } from '../../test-fixtures/verify/custom-signature';
import { pdfsig } from '../../test-fixtures/verify/peers';
import {
  addPageAfterSigning,
  appendUncoveredBytes,
  drawOnPageAfterSigning,
  flipByteInPageContent,
} from '../../test-fixtures/verify/tampering';
import { signPdf } from '../pdf/sign-pdf';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerificationReport } from './verification-report';

const FIXTURES = join(__dirname, '../../test-fixtures/verify');

const codes = (s: SignatureReport): string[] => s.reasons.map((r) => r.code);
const disallowedKinds = (s: SignatureReport): string[] =>
  s.changesAfter.filter((c) => !c.allowed).map((c) => c.kind);

describe('verifyPdf: documents changed after signing', () => {
  let pki: TestPki;
  let signed: Buffer;
  const verify = (pdf: Buffer): Promise<VerificationReport> =>
    verifyPdf(pdf, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });

  beforeAll(async () => {
    pki = await getTestPki();
    const doc = readFileSync(join(FIXTURES, 'quyet-dinh-libreoffice.pdf'));
    signed = await signPdf(doc, { role: 'personal', identity: pki.people[0].identity });
  });

  it('the untouched signed document is valid (the baseline every case below departs from)', async () => {
    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0].changesAfter).toEqual([]);
    expect((await pdfsig(signed))[0]).toEqual({
      validation: 'Signature is Valid.',
      totalDocumentSigned: true,
    });
  });

  it('bytes changed inside the signed range: DIGEST_MISMATCH, as pdfsig also says', async () => {
    const tampered = flipByteInPageContent(signed);
    const [s] = (await verify(tampered)).signatures;
    expect(s.verdict).toBe('invalid');
    expect(s.intact).toBe(false);
    expect(codes(s)).toContain('DIGEST_MISMATCH');
    expect((await pdfsig(tampered))[0].validation).toBe('Digest Mismatch.');
  });

  it('a page added in an incremental update: invalid (PAGE_ADDED) where pdfsig still says valid', async () => {
    const tampered = addPageAfterSigning(signed);
    const report = await verify(tampered);
    const [s] = report.signatures;
    expect(report.verdict).toBe('invalid');
    expect(s.intact).toBe(true);
    expect(codes(s)).toContain('DISALLOWED_CHANGES_AFTER');
    expect(disallowedKinds(s)).toContain('PAGE_ADDED');
    expect(s.changesAfter.every((c) => c.revision === 3)).toBe(true);
    // pdfsig does no change analysis: the signature itself still verifies over its range
    expect((await pdfsig(tampered))[0].validation).toBe('Signature is Valid.');
  });

  it('content drawn over the page after signing: invalid (PAGE_CONTENT_CHANGED) where pdfsig says valid', async () => {
    const tampered = drawOnPageAfterSigning(signed);
    const [s] = (await verify(tampered)).signatures;
    expect(s.verdict).toBe('invalid');
    expect(disallowedKinds(s)).toContain('PAGE_CONTENT_CHANGED');
    expect((await pdfsig(tampered))[0].validation).toBe('Signature is Valid.');
  });

  it('bytes appended with no revision structure: UNCOVERED_TAIL on the document and the signature', async () => {
    const tampered = appendUncoveredBytes(signed);
    const report = await verify(tampered);
    expect(report.documentReasons.map((r) => r.code)).toEqual(['UNCOVERED_TAIL']);
    expect(report.signatures[0].verdict).toBe('invalid');
    expect(codes(report.signatures[0])).toContain('UNCOVERED_TAIL');
    const [peer] = await pdfsig(tampered);
    expect(peer.validation).toBe('Signature is Valid.');
    expect(peer.totalDocumentSigned).toBe(false);
  });

  it('a real signature whose range stops before its own cross-reference section: BYTERANGE_NOT_AT_REVISION_END', async () => {
    const tampered = await signWithCustomByteRange(signed, {
      identity: pki.organisations[0].identity,
      byteRange: (l) => [0, l.contentsStart, l.contentsEnd, l.xrefStart - l.contentsEnd],
    });
    const report = await verify(tampered);
    const s = report.signatures[1];
    expect(s.intact).toBe(false);
    expect(codes(s)).toContain('BYTERANGE_NOT_AT_REVISION_END');
    expect(s.verdict).toBe('invalid');
    // the cryptography alone is fine, which is all pdfsig looks at
    expect((await pdfsig(tampered))[1].validation).toBe('Signature is Valid.');
    // the earlier signature is unaffected: a signature was added after it, an allowed change
    expect(report.signatures[0].verdict).toBe('valid');
  });

  it('a range with a second hole besides /Contents: COVERAGE_GAP', async () => {
    const tampered = await signWithCustomByteRange(signed, {
      identity: pki.organisations[0].identity,
      byteRange: (l) => [
        0,
        l.contentsStart,
        l.contentsEnd,
        l.xrefStart - 40 - l.contentsEnd,
        l.xrefStart,
        l.length - l.xrefStart,
      ],
    });
    const s = (await verify(tampered)).signatures[1];
    expect(codes(s)).toContain('COVERAGE_GAP');
    expect(s.verdict).toBe('invalid');
  });

  it('a range that does not start at byte 0: BYTERANGE_NOT_AT_START', async () => {
    const tampered = await signWithCustomByteRange(signed, {
      identity: pki.organisations[0].identity,
      byteRange: (l) => [16, l.contentsStart - 16, l.contentsEnd, l.length - l.contentsEnd],
    });
    const s = (await verify(tampered)).signatures[1];
    expect(codes(s)).toContain('BYTERANGE_NOT_AT_START');
    expect(s.verdict).toBe('invalid');
  });

  it('an honest hand-made signature over the same document is valid (the builder itself is sound)', async () => {
    const twice = await signWithCustomByteRange(signed, { identity: pki.organisations[0].identity });
    const report = await verify(twice);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(report.signatures[0].changesAfter.map((c) => [c.kind, c.allowed])).toEqual([
      ['SIGNATURE_ADDED', true],
    ]);
  });
});
