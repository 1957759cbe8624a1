import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { signPdf } from '../pdf/sign-pdf';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport, VerifyPdfTrust } from './verification-report';

const codes = (s: SignatureReport): string[] => s.reasons.map((r) => r.code);

/**
 * The verifier keeps its parses of trust anchors and CRLs across calls; what it trusts must still be
 * exactly the bytes passed on each call (the node reads them fresh so that a removal counts at once).
 */
describe('verifyPdf: trust material passed on each call', () => {
  let pki: TestPki;
  let doc: Buffer;
  let byRevoked: Buffer;

  beforeAll(async () => {
    pki = await getTestPki();
    doc = readFileSync(join(__dirname, '../../test-fixtures/verify/quyet-dinh-libreoffice.pdf'));
    byRevoked = await signPdf(doc, { role: 'personal', identity: pki.revoked.identity });
  });

  const verify = (trust: VerifyPdfTrust) =>
    verifyPdf(byRevoked, trust).then((r) => ({
      trusted: r.signatures[0].trusted,
      codes: codes(r.signatures[0]),
    }));

  it('a dropped anchor or CRL stops counting at the next call, and counts again when passed again', async () => {
    // fresh buffers each time, as the node reads them from its store
    const root = () => Buffer.from(pki.rootCertificate);
    const crl = () => Buffer.from(pki.issuingCrl);
    const full = await verify({ trustAnchors: [root()], crls: [crl()] });
    expect(full.trusted).toBe(true);
    expect(full.codes).toContain('CERT_REVOKED');

    const noCrl = await verify({ trustAnchors: [root()] });
    expect(noCrl.trusted).toBe(true);
    expect(noCrl.codes).not.toContain('CERT_REVOKED');

    const noAnchor = await verify({ trustAnchors: [], crls: [crl()] });
    expect(noAnchor.trusted).toBe(false);
    expect(noAnchor.codes).toContain('CHAIN_UNTRUSTED');

    expect(await verify({ trustAnchors: [root()], crls: [crl()] })).toEqual(full);
  });

  it('asks for lazily given trust material only when the PDF holds a signature', async () => {
    const trust = jest.fn(async () => ({ trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }));
    const unsigned = await verifyPdf(doc, { trust });
    expect(unsigned.verdict).toBe('unsigned');
    expect(trust).not.toHaveBeenCalled();

    const signed = await verifyPdf(byRevoked, { trust });
    expect(trust).toHaveBeenCalledTimes(1);
    expect(signed.signatures[0].trusted).toBe(true);
    expect(codes(signed.signatures[0])).toContain('CERT_REVOKED');
  });
});
