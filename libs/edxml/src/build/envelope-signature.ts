import { sign, X509Certificate } from 'node:crypto';
import {
  assertUsableForSigning,
  parseCertificate,
  signingError,
  type CertificateInfo,
  type SigningIdentity,
} from '@vanthu/signing';
import { DSIG_NS, XMLDSIG } from '../model/edxml-names';

/** An organisation key ready to sign envelopes: the algorithm its key type calls for. */
export interface EnvelopeSigner {
  readonly signatureAlgorithm: string;
  /** signer first, then the chain above it without a self-signed root */
  readonly certificates: readonly Buffer[];
  sign(canonicalSignedInfo: string): Buffer;
}

/**
 * RSA keys sign RSA-SHA256 (PKCS#1 v1.5), EC keys ECDSA-SHA256 with the r‖s value XML-DSig wants
 * (RFC 4051), not DER. Refuses a certificate that cannot sign now (CERT_EXPIRED…) and other key
 * types (SIGNING_KEY_UNSUPPORTED).
 */
export function envelopeSigner(identity: SigningIdentity, now: Date): EnvelopeSigner {
  let prepared = PREPARED.get(identity);
  if (!prepared) {
    prepared = {
      info: parseCertificate(identity.certificate),
      // the root is the receiver's trust anchor, not ours to send
      certificates: [identity.certificate, ...identity.chain.filter((c) => !isSelfSigned(c))],
    };
    PREPARED.set(identity, prepared);
  }
  assertUsableForSigning(prepared.info, now);
  const { certificates } = prepared;
  const keyType = identity.privateKey.asymmetricKeyType;
  if (keyType === 'rsa')
    return {
      signatureAlgorithm: XMLDSIG.rsaSha256,
      certificates,
      sign: (data) => sign('sha256', Buffer.from(data, 'utf8'), identity.privateKey),
    };
  if (keyType === 'ec')
    return {
      signatureAlgorithm: XMLDSIG.ecdsaSha256,
      certificates,
      sign: (data) =>
        sign('sha256', Buffer.from(data, 'utf8'), { key: identity.privateKey, dsaEncoding: 'ieee-p1363' }),
    };
  throw signingError('SIGNING_KEY_UNSUPPORTED', { keyType });
}

/**
 * The parts of an identity that do not change between packages, parsed once: an outbox signs
 * package after package with the same organisation key (parsing the certificate cost more than
 * the RSA signature).
 */
const PREPARED = new WeakMap<SigningIdentity, { info: CertificateInfo; certificates: Buffer[] }>();

function isSelfSigned(der: Buffer): boolean {
  const c = new X509Certificate(der);
  return c.checkIssued(c) && c.verify(c.publicKey);
}

/**
 * SignedInfo of an envelope signature: one Reference, URI="" (the whole document), enveloped then
 * exclusive C14N, SHA-256. With `declareNamespace` it is the canonical form that is signed (the
 * apex of a C14N subset declares the prefix it uses); without, the form written inside Signature.
 */
export function signedInfo(
  signatureAlgorithm: string,
  digestBase64: string,
  declareNamespace: boolean,
): string {
  const ns = declareNamespace ? ` xmlns:ds="${DSIG_NS}"` : '';
  return (
    `<ds:SignedInfo${ns}>` +
    `<ds:CanonicalizationMethod Algorithm="${XMLDSIG.excC14n}"></ds:CanonicalizationMethod>` +
    `<ds:SignatureMethod Algorithm="${signatureAlgorithm}"></ds:SignatureMethod>` +
    `<ds:Reference URI=""><ds:Transforms>` +
    `<ds:Transform Algorithm="${XMLDSIG.enveloped}"></ds:Transform>` +
    `<ds:Transform Algorithm="${XMLDSIG.excC14n}"></ds:Transform>` +
    `</ds:Transforms><ds:DigestMethod Algorithm="${XMLDSIG.sha256}"></ds:DigestMethod>` +
    `<ds:DigestValue>${digestBase64}</ds:DigestValue></ds:Reference></ds:SignedInfo>`
  );
}

/** The whole `ds:Signature` element for a document whose envelope digest is `digestBase64`. */
export function signatureElement(signer: EnvelopeSigner, digestBase64: string): string {
  const value = signer.sign(signedInfo(signer.signatureAlgorithm, digestBase64, true)).toString('base64');
  const certificates = signer.certificates
    .map((c) => `<ds:X509Certificate>${c.toString('base64')}</ds:X509Certificate>`)
    .join('');
  return (
    `<ds:Signature xmlns:ds="${DSIG_NS}">` +
    signedInfo(signer.signatureAlgorithm, digestBase64, false) +
    `<ds:SignatureValue>${value}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data>${certificates}</ds:X509Data></ds:KeyInfo>` +
    `</ds:Signature>`
  );
}
