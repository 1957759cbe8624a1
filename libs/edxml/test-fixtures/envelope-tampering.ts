import { createHash } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import type { SigningIdentity } from '@vanthu/signing';
import { DSIG_NS } from '../src/model/edxml-names';

/*
 * What an attacker without the key can do to a signed package, each as text surgery on the signed
 * bytes, and what a signer with a trusted key could produce that our policy refuses.
 */

const text = (xml: Buffer) => xml.toString('utf8');
const bytes = (s: string) => Buffer.from(s, 'utf8');

function replaceOnce(s: string, from: string | RegExp, to: string): string {
  const out = s.replace(from, to);
  if (out === s) throw new Error(`tampering found nothing to change: ${String(from)}`);
  return out;
}

/** The envelope digest of a document as enveloped-signature + exclusive C14N computes it. */
export function envelopeDigest(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0];
  signature?.parentNode?.removeChild(signature);
  const canonical = new ExclusiveCanonicalization().process(doc.documentElement as never, {}).toString();
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

export const TAMPERINGS: readonly (readonly [
  name: string,
  tamper: (signed: Buffer, other: SigningIdentity) => Buffer,
])[] = [
  ['subject changed', (x) => bytes(replaceOnce(text(x), 'Về việc ban hành', 'Về việc hủy bỏ'))],
  [
    'one base64 character of a large attachment changed',
    (x) => {
      const s = text(x);
      const at = s.indexOf('<edXML:ContentTransferEncoded>') + '<edXML:ContentTransferEncoded>'.length + 3000;
      return bytes(s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1));
    },
  ],
  [
    'attachment base64 re-wrapped into 76-character lines',
    (x) =>
      bytes(
        text(x).replace(
          /(<edXML:ContentTransferEncoded>)([^<]+)/,
          (_, tag: string, b64: string) => tag + b64.replace(/(.{76})/g, '$1\r\n'),
        ),
      ),
  ],
  [
    'a TraceHeader added by a hub after signing',
    (x) =>
      bytes(
        replaceOnce(
          text(x),
          '</edXML:TraceHeader>',
          '</edXML:TraceHeader>\n        <edXML:TraceHeader>\n          <edXML:OrganId>000.00.00.G22</edXML:OrganId>\n          <edXML:Timestamp>2025/03/14 10:00:00</edXML:Timestamp>\n        </edXML:TraceHeader>',
        ),
      ),
  ],
  [
    'recipient added',
    (x) =>
      bytes(
        replaceOnce(
          text(x),
          '<edXML:DocumentId>',
          '<edXML:To><edXML:OrganId>000.00.99.H57</edXML:OrganId><edXML:OrganName>Kẻ gian</edXML:OrganName></edXML:To>\n        <edXML:DocumentId>',
        ),
      ),
  ],
  [
    'DigestValue replaced by the digest of a changed document',
    (x) => {
      const changed = replaceOnce(text(x), 'Về việc ban hành', 'Về việc hủy bỏ');
      return bytes(changed.replace(/<ds:DigestValue>[^<]+</, `<ds:DigestValue>${envelopeDigest(changed)}<`));
    },
  ],
  [
    'SignatureValue altered',
    (x) =>
      bytes(
        text(x).replace(
          /<ds:SignatureValue>(.)/,
          (_, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`,
        ),
      ),
  ],
  [
    'KeyInfo certificate swapped for another trusted organisation',
    (x, other) =>
      bytes(
        text(x).replace(
          /<ds:X509Certificate>[^<]+</,
          `<ds:X509Certificate>${other.certificate.toString('base64')}<`,
        ),
      ),
  ],
  [
    'comment inside DigestValue carrying the digest of a changed document (CVE-2025-29775)',
    (x) => {
      const changed = replaceOnce(text(x), 'Về việc ban hành', 'Về việc hủy bỏ');
      return bytes(changed.replace('<ds:DigestValue>', `<ds:DigestValue><!--${envelopeDigest(changed)}-->`));
    },
  ],
  [
    'a second Reference injected into SignedInfo',
    (x) =>
      bytes(
        replaceOnce(
          text(x),
          '</ds:Reference>',
          `</ds:Reference><ds:Reference URI="#x"><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>`,
        ),
      ),
  ],
  [
    'the signed envelope wrapped, a forged one in its place',
    (x) => {
      const s = text(x);
      const envelope = /<edXML:edXMLEnvelope>[\s\S]*<\/edXML:edXMLEnvelope>/.exec(s)![0];
      const forged = envelope
        .replace('Về việc ban hành', 'Về việc hủy bỏ')
        .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
      const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(s)![0];
      const wrapped = signature.replace(
        '</ds:Signature>',
        `<ds:Object>${envelope.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')}</ds:Object></ds:Signature>`,
      );
      return bytes(
        s.replace(envelope, forged.replace('</edXML:TraceHeaderList>', `</edXML:TraceHeaderList>${wrapped}`)),
      );
    },
  ],
  [
    'a copy of the signature added elsewhere',
    (x) => {
      const s = text(x);
      const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(s)![0];
      return bytes(replaceOnce(s, '</edXML:edXMLBody>', `</edXML:edXMLBody>${signature}`));
    },
  ],
  ['signature removed', (x) => bytes(text(x).replace(/\n\s*<ds:Signature[\s\S]*<\/ds:Signature>/, ''))],
];

/** Valid signatures that sit elsewhere: the enveloped transform makes their place irrelevant. */
export function moveSignatureToRoot(signed: Buffer): Buffer {
  const s = text(signed);
  const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(s)![0];
  // only the element moves: the text around it (signed) stays as it was
  return bytes(s.replace(signature, '').replace('\n</edXML:edXML>', `${signature}\n</edXML:edXML>`));
}

/**
 * Signed by a holder of a trusted key, cryptographically sound, and still refused by our policy:
 * only MessageHeader signed (the rest could be swapped), or a whole-document reference plus another.
 */
export function partialSignatures(
  unsigned: Buffer,
  identity: SigningIdentity,
): { readonly [name: string]: Buffer } {
  const withId = text(unsigned).replace('<edXML:MessageHeader>', '<edXML:MessageHeader Id="msg">');
  const privateKey = identity.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const publicCert = `-----BEGIN CERTIFICATE-----\n${identity.certificate.toString('base64')}\n-----END CERTIFICATE-----`;
  const sign = (refs: { xpath: string; transforms: string[]; isEmptyUri?: boolean }[]): string => {
    const sig = new SignedXml({
      privateKey,
      publicCert,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    for (const r of refs)
      sig.addReference({ ...r, digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
    sig.computeSignature(withId, {
      prefix: 'ds',
      location: { reference: "//*[local-name()='TraceHeaderList']", action: 'after' },
    });
    return sig.getSignedXml();
  };
  const exc = 'http://www.w3.org/2001/10/xml-exc-c14n#';
  const header = { xpath: "//*[local-name()='MessageHeader']", transforms: [exc] };
  const whole = {
    xpath: '/*',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', exc],
    isEmptyUri: true,
  };
  const headerOnly = sign([header]);
  // the classic wrapping attack on such a signature: the signed MessageHeader moved aside, a forged one in place
  const doc = new DOMParser().parseFromString(headerOnly, 'text/xml');
  const original = doc.getElementsByTagNameNS('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'MessageHeader')[0];
  const forged = original.cloneNode(true) as typeof original;
  forged.removeAttribute('Id');
  const subject = forged.getElementsByTagNameNS('http://www.mic.gov.vn/TBT/QCVN_102_2016', 'Subject')[0];
  subject.textContent = 'Về việc hủy bỏ';
  const object = doc.createElementNS(DSIG_NS, 'ds:Object');
  original.parentNode!.replaceChild(forged, original);
  object.appendChild(original);
  doc.getElementsByTagNameNS(DSIG_NS, 'Signature')[0].appendChild(object);
  return {
    'only MessageHeader signed (URI="#msg")': bytes(headerOnly),
    'MessageHeader-only signature after a wrapping attack': bytes(new XMLSerializer().serializeToString(doc)),
    'whole document plus a second Reference': bytes(sign([whole, header])),
  };
}
