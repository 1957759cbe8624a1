import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAppException } from '@vanthu/shared';
import { readDss } from './dss-reader';
import { PdfFile } from './pdf-reader/pdf-file';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport } from './verification-report';
import { ParsedCertificate } from './x509/parsed-certificate';
import { SHARED_DIR } from '../../test-fixtures/shared-dir';

const SHARED = join(SHARED_DIR, 'fixtures/pdf');
const fixture = (name: string): Buffer => readFileSync(join(SHARED, name));
const codes = (s: SignatureReport): string[] => s.reasons.map((r) => r.code);

async function errorCode(input: Buffer): Promise<string> {
  try {
    await verifyPdf(input, { trustAnchors: [] });
  } catch (e) {
    if (isAppException(e)) return e.code;
    throw e;
  }
  return 'no error';
}

describe('verifyPdf: files signed by another library (pyHanko) and files it must refuse', () => {
  it('two approval signatures over a linearized file: both intact, untrusted, the later one an allowed change', async () => {
    const report = await verifyPdf(fixture('pyhanko-minimal-two-fields-signed-twice.pdf'), {
      trustAnchors: [],
    });
    expect(report.verdict).toBe('indeterminate');
    // the first %%EOF of a linearized file ("startxref 0") is not a revision
    expect(report.revisions).toBe(2);
    const [first, second] = report.signatures;
    expect([first.fieldName, first.coveredRevision, second.fieldName, second.coveredRevision]).toEqual([
      'Sig2',
      1,
      'Sig1',
      2,
    ]);
    for (const s of report.signatures) {
      expect(s).toMatchObject({
        verdict: 'indeterminate',
        intact: true,
        trusted: false,
        subFilter: 'adbe.pkcs7.detached',
        level: 'NOT_PADES',
      });
      expect(s.signer?.commonName).toBe('Lord Testerino');
      expect(codes(s)).toContain('CHAIN_UNTRUSTED');
      // each carries a GlobalSign signature timestamp whose token verifies but is not trusted here
      expect(s.timestamp).toMatchObject({ valid: true, trusted: false });
      expect(s.signingTimeSource).toBe('claimed');
    }
    expect(first.changesAfter.filter((c) => !c.allowed)).toEqual([]);
    expect(first.changesAfter.map((c) => c.kind)).toContain('SIGNATURE_ADDED');
    expect(second.coversWholeDocument).toBe(true);
  });

  it('PAdES B-LTA with a DSS and a document timestamp: levels, timestamp and later DSS update detected', async () => {
    const report = await verifyPdf(fixture('pyhanko-pades-lta-dss-indirect-arrs-test.pdf'), {
      trustAnchors: [],
    });
    expect(report.revisions).toBe(5);
    const [sig, docTs] = report.signatures;
    expect(sig).toMatchObject({
      fieldName: 'Sig1',
      subFilter: 'ETSI.CAdES.detached',
      level: 'B-LTA',
      intact: true,
      coveredRevision: 3,
    });
    expect(sig.verdict).toBe('indeterminate');
    expect(sig.signer?.commonName).toBe('Alice');
    expect(sig.chain.map((c) => c.commonName)).toEqual(['Alice', 'Intermediate CA', 'Root CA']);
    // revocation data from the DSS (OCSP/CRL) is used even though nothing is trusted
    expect(sig.revocation.status).toBe('good');
    expect(sig.changesAfter.map((c) => [c.revision, c.kind, c.allowed])).toEqual(
      expect.arrayContaining([
        [4, 'DSS_UPDATED', true],
        [4, 'DOC_TIMESTAMP_ADDED', true],
        [5, 'DSS_UPDATED', true],
      ]),
    );
    expect(docTs).toMatchObject({
      type: 'document-timestamp',
      subFilter: 'ETSI.RFC3161',
      level: 'DOCUMENT_TIMESTAMP',
      intact: true,
      coveredRevision: 4,
    });
    expect(docTs.signingTimeSource).toBe('document-timestamp');
    expect(docTs.signer?.commonName).toBe('Time Stamping Authority');
    expect(docTs.changesAfter.every((c) => c.allowed)).toBe(true);
  });

  it("with the fixture's own root as anchor the B-LTA signature becomes valid", async () => {
    const pdf = fixture('pyhanko-pades-lta-dss-indirect-arrs-test.pdf');
    const untrusted = await verifyPdf(pdf, { trustAnchors: [] });
    const rootSubject = untrusted.signatures[0].chain[2];
    expect(rootSubject.commonName).toBe('Root CA');
    // the root certificate is carried in the DSS; hand its DER back as the anchor
    const root = readDss(PdfFile.open(pdf).last).certs.find(
      (c) => new ParsedCertificate(c).subject.commonName === 'Root CA',
    );
    const report = await verifyPdf(pdf, { trustAnchors: [root as Buffer] });
    expect(report.signatures.map((s) => [s.verdict, s.trusted])).toEqual([
      ['valid', true],
      ['valid', true],
    ]);
  });

  it('unsigned PDFs (classic, xref stream, hybrid, object streams) give "unsigned", not an exception', async () => {
    for (const name of [
      'pyhanko-minimal.pdf',
      'pyhanko-minimal-xref.pdf',
      'pyhanko-minimal-hybrid-xref-mswordstyle.pdf',
      'pyhanko-uncompressed-objstream-sample.pdf',
    ]) {
      const report = await verifyPdf(fixture(name), { trustAnchors: [] });
      expect([name, report.verdict, report.signatures.length]).toEqual([name, 'unsigned', 0]);
    }
  });

  it('refuses encrypted, non-PDF and broken input with stable codes', async () => {
    expect(await errorCode(fixture('pyhanko-minimal-aes256.pdf'))).toBe('PDF_ENCRYPTED');
    expect(await errorCode(Buffer.from('this is a text file, not a PDF'))).toBe('PDF_NOT_PDF');
    expect(await errorCode(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'))).toBe('PDF_MALFORMED');
    const truncated = fixture('pyhanko-minimal.pdf').subarray(0, 400);
    expect(await errorCode(truncated)).toBe('PDF_MALFORMED');
  });
});
