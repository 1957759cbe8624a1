import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { syntheticPdf, xmlsecVerify } from '../../test-fixtures/edxml-samples';
import { hubPackage } from '../../test-fixtures/quirk-packages';
import { DSIG_NS } from '../model/edxml-names';
import { readPackage } from '../parse/read-package';

/**
 * The parser sets large attachment bodies aside and xml-crypto digests the markup with placeholders,
 * through a hash that puts the bodies back (xml-crypto-algorithms.ts). Shown here to give the digest
 * xml-crypto computes on the whole document and the one xmlsec1 computes, on packages signed by
 * other software over base64 written with CRLF line breaks, spaces and tabs: any difference in what
 * is hashed would flip a verdict.
 */
describe('digest over set-aside attachment bodies equals the digest of the whole document', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  /** signed by xml-crypto on the whole text, as another vendor's software would sign it */
  function signWhole(xml: string): string {
    const identity = pki.organisations[0].identity;
    const sig = new SignedXml({
      privateKey: identity.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      publicCert: `-----BEGIN CERTIFICATE-----\n${identity.certificate.toString('base64')}\n-----END CERTIFICATE-----`,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    sig.addReference({
      xpath: '/*',
      isEmptyUri: true,
      transforms: [
        'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
        'http://www.w3.org/2001/10/xml-exc-c14n#',
      ],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sig.computeSignature(xml, {
      prefix: 'ds',
      location: { reference: "//*[local-name()='TraceHeaderList']", action: 'after' },
    });
    return sig.getSignedXml();
  }

  function xmlCryptoOnWhole(xml: string): boolean {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const identity = pki.organisations[0].identity;
    const sig = new SignedXml({
      publicCert: `-----BEGIN CERTIFICATE-----\n${identity.certificate.toString('base64')}\n-----END CERTIFICATE-----`,
    });
    sig.loadSignature(doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0] as never);
    try {
      return sig.checkSignature(xml);
    } catch {
      return false;
    }
  }

  const layouts: [string, (b64: string) => string][] = [
    ['one line', (b) => b],
    ['76 columns', (b) => b.replace(/(.{76})/g, '$1\r\n')],
    ['64 columns, LF, indented', (b) => `\n        ${b.replace(/(.{64})/g, '$1\n        ')}\n      `],
    ['spaces and tabs', (b) => b.replace(/(.{50})/g, '$1 \t')],
  ];

  it.each(layouts)('base64 laid out as %s', async (_name, layout) => {
    const xml = signWhole(
      hubPackage({
        attachments: [
          {
            name: 'lon.pdf',
            type: 'application/pdf',
            base64: layout(syntheticPdf(60_000).toString('base64')),
          },
          {
            name: 'nho.txt',
            type: 'text/plain',
            base64: layout(Buffer.from('Phụ lục nhỏ').toString('base64')),
          },
        ],
      }),
    );
    expect(xmlCryptoOnWhole(xml)).toBe(true);
    const tool = await xmlsecVerify(Buffer.from(xml), pki.rootCertificatePath, pki.issuingCaCertificatePath);
    expect({ code: tool.code, stderr: tool.code === 0 ? '' : tool.stderr }).toEqual({ code: 0, stderr: '' });
    // xml-crypto's signer puts only its own certificate in KeyInfo: the issuing CA comes as an anchor
    const trust = { trustAnchors: [pki.rootCertificate, pki.issuingCaCertificate], crls: [pki.issuingCrl] };
    const parsed = await readPackage(Buffer.from(xml), { trust });
    expect(parsed.signature).toMatchObject({ verdict: 'valid', intact: true });

    // CR LF and LF are one line break to every XML parser: the same canonical form, still valid
    // (xml-crypto's signer wrote LF only; the base64 bodies now carry CR LF, as Windows hubs write them)
    const crlf = xml.replace(/\n/g, '\r\n');
    expect(xmlCryptoOnWhole(crlf)).toBe(true);
    expect(
      (await xmlsecVerify(Buffer.from(crlf), pki.rootCertificatePath, pki.issuingCaCertificatePath)).code,
    ).toBe(0);
    const crlfParsed = await readPackage(Buffer.from(crlf), { trust });
    expect(crlfParsed.signature).toMatchObject({ verdict: 'valid', intact: true });

    // white space inside the body is content: moving one line break is a change to all three
    const start = xml.indexOf('<edXML:ContentTransferEncoded');
    const body = xml.indexOf('>', start) + 1;
    const moved = `${xml.slice(0, body)} ${xml.slice(body)}`;
    expect(xmlCryptoOnWhole(moved)).toBe(false);
    expect(
      (await xmlsecVerify(Buffer.from(moved), pki.rootCertificatePath, pki.issuingCaCertificatePath)).code,
    ).not.toBe(0);
    const movedParsed = await readPackage(Buffer.from(moved), { trust });
    expect(movedParsed.signature.reasons.map((r) => r.code)).toEqual(['DIGEST_MISMATCH']);
  });
});
