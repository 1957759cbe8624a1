import { createHash } from 'node:crypto';
import { TAG } from '../../asn1/der-values';
import { OID } from '../../asn1/oids';
import { ParsedCertificate } from '../x509/parsed-certificate';
import {
  describeSignatureAlgorithm,
  UnsupportedAlgorithmError,
  verifySignature,
} from '../x509/signature-verifier';
import {
  CmsSignerInfo,
  signedAttributesForVerification,
  SignerIdentifier,
} from '../../cms/signed-data-reader';

export interface SignerCheck {
  readonly signerCertificate?: ParsedCertificate;
  readonly digestAlgorithm?: string;
  readonly signatureAlgorithm: string;
  /** the digest of the content equals the messageDigest attribute (true when there are no signed attributes) */
  readonly digestMatches: boolean;
  /** the signature value verifies with the signer's public key */
  readonly signatureValid: boolean;
  readonly problem?: 'SIGNER_CERT_NOT_FOUND' | 'UNSUPPORTED_ALGORITHM' | 'MESSAGE_DIGEST_MISSING';
}

export function findSignerCertificate(
  sid: SignerIdentifier,
  certs: readonly ParsedCertificate[],
): ParsedCertificate | undefined {
  return certs.find((c) =>
    sid.subjectKeyId
      ? c.subjectKeyId?.equals(sid.subjectKeyId) === true
      : c.serialHex === sid.serialHex && sid.issuerRaw !== undefined && c.issuerRaw.equals(sid.issuerRaw),
  );
}

/**
 * Checks one SignerInfo over detached or encapsulated content given as parts (a PDF's byte ranges
 * are hashed in place, never joined). With signed attributes the signature covers their DER SET and
 * the content is bound through messageDigest; without them it covers the content itself.
 */
export function verifySigner(
  si: CmsSignerInfo,
  certs: readonly ParsedCertificate[],
  content: readonly Buffer[],
): SignerCheck {
  const signerCertificate = findSignerCertificate(si.sid, certs);
  const digestAlgorithm = si.digestAlgorithm;
  const signatureAlgorithm = describeSignatureAlgorithm(si.signatureAlgorithm, digestAlgorithm);
  const base = { signerCertificate, digestAlgorithm, signatureAlgorithm };
  if (!digestAlgorithm)
    return { ...base, digestMatches: false, signatureValid: false, problem: 'UNSUPPORTED_ALGORITHM' };
  let digestMatches = true;
  let signed: readonly Buffer[] = content;
  if (si.signedAttrsRaw) {
    const md = si.signedAttrs.get(OID.messageDigest)?.[0];
    if (!md || md.tag !== TAG.OCTET_STRING)
      return { ...base, digestMatches: false, signatureValid: false, problem: 'MESSAGE_DIGEST_MISSING' };
    const h = createHash(digestAlgorithm);
    for (const part of content) h.update(part);
    digestMatches = h.digest().equals(md.value);
    signed = [signedAttributesForVerification(si.signedAttrsRaw)];
  }
  if (!signerCertificate)
    return { ...base, digestMatches, signatureValid: false, problem: 'SIGNER_CERT_NOT_FOUND' };
  try {
    const signatureValid = verifySignature(
      si.signatureAlgorithm,
      signerCertificate.publicKey,
      signed,
      si.signature,
      digestAlgorithm,
    );
    return { ...base, digestMatches, signatureValid };
  } catch (e) {
    if (e instanceof UnsupportedAlgorithmError)
      return { ...base, digestMatches, signatureValid: false, problem: 'UNSUPPORTED_ALGORITHM' };
    return { ...base, digestMatches, signatureValid: false };
  }
}
