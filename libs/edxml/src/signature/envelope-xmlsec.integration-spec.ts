import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { sampleEdoc, sampleStatus, syntheticPdf, xmlsecVerify } from '../../test-fixtures/edxml-samples';
import { moveSignatureToRoot, partialSignatures, TAMPERINGS } from '../../test-fixtures/envelope-tampering';
import { buildEdocPackageToBuffer, buildStatusPackageToBuffer } from '../build/package-to-buffer';
import { readPackage } from '../parse/read-package';
import type { EnvelopeReport } from './envelope-report';

/**
 * The independent validator: `xmlsec1 --verify` (libxmlsec1 + OpenSSL) with the test root as the
 * only trusted certificate. It accepts our signed packages and rejects every tampered variant, and
 * our verifier (xml-crypto for the XML-DSig part, libs/signing for the chain) says "valid" exactly
 * when xmlsec1 does. Revocation is ours alone: this xmlsec1 takes no CRL on its command line.
 */
describe('envelope signatures: our verifier and xmlsec1 agree', () => {
  let pki: TestPki;
  let signed: Buffer;
  const verdicts: [string, boolean, EnvelopeReport][] = [];

  const ours = async (xml: Buffer, anchors = [pki.rootCertificate]): Promise<EnvelopeReport> => {
    try {
      return (await readPackage(xml, { trust: { trustAnchors: anchors, crls: [pki.issuingCrl] } })).signature;
    } catch (e) {
      // a tampering may make the package unreadable: that is a refusal too
      return {
        verdict: 'invalid',
        reasons: [{ code: (e as { code: string }).code, severity: 'error', message: '' }],
        intact: false,
        chain: [],
        trusted: false,
        verifiedAt: '',
      };
    }
  };

  const agree = async (
    name: string,
    xml: Buffer,
    root = pki.rootCertificatePath,
  ): Promise<{ xmlsec: boolean; report: EnvelopeReport }> => {
    const [tool, report] = await Promise.all([
      xmlsecVerify(xml, root),
      ours(xml, root === pki.rootCertificatePath ? [pki.rootCertificate] : [pki.tsa.identity.certificate]),
    ]);
    const xmlsec = tool.code === 0;
    verdicts.push([name, xmlsec, report]);
    expect({ name, xmlsec, ours: report.verdict === 'valid' }).toEqual({ name, xmlsec, ours: xmlsec });
    return { xmlsec, report };
  };

  beforeAll(async () => {
    pki = await getTestPki();
    // a large attachment (set aside while parsing) and a small one (parsed inline)
    signed = (
      await buildEdocPackageToBuffer(sampleEdoc({}, syntheticPdf(200_000)), {
        signer: pki.organisations[0].identity,
      })
    ).xml;
  }, 120_000);

  it('accepts our signed edoc package, RSA-SHA256 with the issuing CA in KeyInfo', async () => {
    const { xmlsec, report } = await agree('signed (RSA)', signed);
    expect(xmlsec).toBe(true);
    expect(report).toMatchObject({
      verdict: 'valid',
      intact: true,
      trusted: true,
      revocation: { status: 'good' },
    });
    expect(report.signer?.commonName).toBe('Ủy ban nhân dân tỉnh Thừa Thiên Huế');
  });

  it('accepts an ECDSA-SHA256 signature and a signed status package', async () => {
    const ec = (await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.ecPerson.identity })).xml;
    expect((await agree('signed (ECDSA)', ec)).xmlsec).toBe(true);
    const status = (
      await buildStatusPackageToBuffer(sampleStatus(), { signer: pki.organisations[1].identity })
    ).xml;
    expect((await agree('signed status', status)).xmlsec).toBe(true);
  });

  it('accepts a 12 MB package whose digest was computed while the attachment streamed, and refuses it with one byte changed', async () => {
    const large = (
      await buildEdocPackageToBuffer(sampleEdoc({}, syntheticPdf(12 * 1024 * 1024)), {
        signer: pki.organisations[0].identity,
      })
    ).xml;
    expect((await agree('signed 12 MB', large)).xmlsec).toBe(true);
    const at = large.indexOf('<edXML:ContentTransferEncoded>') + 8_000_000;
    const changed = Buffer.from(large);
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
    const { xmlsec, report } = await agree('12 MB, one base64 character changed', changed);
    expect(xmlsec).toBe(false);
    expect(report.reasons.map((r) => r.code)).toEqual(['DIGEST_MISMATCH']);
  }, 180_000);

  it.each(TAMPERINGS.map(([name]) => name))('refuses a tampered package: %s', async (name) => {
    const tamper = TAMPERINGS.find(([n]) => n === name)![1];
    const { xmlsec, report } = await agree(name, tamper(signed, pki.organisations[1].identity));
    expect(xmlsec).toBe(false);
    expect(report.verdict).not.toBe('valid');
  });

  it('names the reason of each refusal', async () => {
    const reasonOf = async (name: string) =>
      (
        await ours(TAMPERINGS.find(([n]) => n === name)![1](signed, pki.organisations[1].identity))
      ).reasons.map((r) => r.code);
    expect(await reasonOf('subject changed')).toEqual(['DIGEST_MISMATCH']);
    expect(await reasonOf('a TraceHeader added by a hub after signing')).toEqual(['DIGEST_MISMATCH']);
    expect(await reasonOf('SignatureValue altered')).toEqual(['SIGNATURE_VALUE_INVALID']);
    expect(await reasonOf('KeyInfo certificate swapped for another trusted organisation')).toEqual([
      'SIGNATURE_VALUE_INVALID',
    ]);
    expect(
      await reasonOf('comment inside DigestValue carrying the digest of a changed document (CVE-2025-29775)'),
    ).toEqual(['DIGEST_MISMATCH']);
    expect(await reasonOf('a second Reference injected into SignedInfo')).toContain('REFERENCE_EXTRA');
    expect(await reasonOf('a copy of the signature added elsewhere')).toEqual(['SIGNATURE_MULTIPLE']);
    expect(
      (
        await ours(
          TAMPERINGS.find(([n]) => n.startsWith('signature removed'))![1](
            signed,
            pki.organisations[1].identity,
          ),
        )
      ).verdict,
    ).toBe('unsigned');
  });

  it('refuses signatures made with a trusted key that do not cover the whole document (and the wrapping attack they allow)', async () => {
    const unsigned = (await buildEdocPackageToBuffer(sampleEdoc())).xml;
    for (const [name, xml] of Object.entries(partialSignatures(unsigned, pki.organisations[0].identity))) {
      const { xmlsec, report } = await agree(name, xml);
      expect(xmlsec).toBe(false);
      expect(report.reasons.map((r) => r.code)).toEqual(
        expect.arrayContaining([
          name.includes('second') ? 'REFERENCE_EXTRA' : 'REFERENCE_NOT_WHOLE_DOCUMENT',
        ]),
      );
    }
  });

  it('accepts the signature moved out of the header (the enveloped transform ignores where it is), with a warning', async () => {
    const { xmlsec, report } = await agree('signature moved to the root', moveSignatureToRoot(signed));
    expect(xmlsec).toBe(true);
    expect(report.reasons.map((r) => r.code)).toEqual(['SIGNATURE_OUTSIDE_HEADER']);
  });

  it('does not trust a signature under another root', async () => {
    const { xmlsec, report } = await agree('other trust anchor', signed, join(pki.dir, 'ca', 'tsa.pem'));
    expect(xmlsec).toBe(false);
    expect(report).toMatchObject({ verdict: 'indeterminate', intact: true, trusted: false });
  });

  it('finds a revoked certificate through the CRL (xmlsec1 here has no CRL option: ours alone)', async () => {
    const byRevoked = (await buildEdocPackageToBuffer(sampleEdoc(), { signer: pki.revoked.identity })).xml;
    expect((await xmlsecVerify(byRevoked, pki.rootCertificatePath)).code).toBe(0);
    const report = await ours(byRevoked);
    expect(report.verdict).toBe('invalid');
    expect(report.reasons.map((r) => r.code)).toContain('CERT_REVOKED');
  });

  it.each([
    ['SignatureMethod', /(<ds:SignatureMethod Algorithm=")[^"]+/, 'constructor'],
    ['DigestMethod', /(<ds:DigestMethod Algorithm=")[^"]+/, 'toString'],
  ])(
    'takes a %s Algorithm named like an Object.prototype member for unsupported (indeterminate, no crash)',
    async (_n, at, name) => {
      const changed = Buffer.from(signed.toString('utf8').replace(at, `$1${name}`), 'utf8');
      expect(changed.equals(signed)).toBe(false);
      const report = (await readPackage(changed, { trust: { trustAnchors: [pki.rootCertificate] } }))
        .signature;
      expect(report.verdict).toBe('indeterminate');
      expect(report.reasons.map((r) => r.code)).toContain('ALGORITHM_UNSUPPORTED');
    },
  );

  it('checks nothing when the caller checked these bytes before, and says so (indeterminate, never valid)', async () => {
    const tampered = TAMPERINGS.find(([name]) => name === 'subject changed')![1](
      signed,
      pki.organisations[1].identity,
    );
    expect((await ours(tampered)).verdict).toBe('invalid');
    for (const xml of [signed, tampered]) {
      const read = await readPackage(xml, {
        trust: { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] },
        envelope: 'checked-before',
      });
      expect({ verdict: read.signature.verdict, reasons: read.signature.reasons.map((r) => r.code) }).toEqual(
        {
          verdict: 'indeterminate',
          reasons: ['ENVELOPE_NOT_CHECKED'],
        },
      );
      expect(read.kind).toBe('edoc');
    }
  });

  afterAll(() => {
    // the agreement table, for the record in the test output
    process.stdout.write(
      `${verdicts.map(([n, x, r]) => `xmlsec1 ${x ? 'accepts' : 'refuses'}, ours ${r.verdict.padEnd(13)} ${n}`).join('\n')}\n`,
    );
  });
});
