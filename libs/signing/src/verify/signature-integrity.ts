import { createHash } from 'node:crypto';
import { readAlgorithmIdentifier } from '../asn1/algorithm-identifier';
import { DerNode } from '../asn1/der-node';
import { readTime, TAG } from '../asn1/der-values';
import { DIGEST_BY_OID, OID } from '../asn1/oids';
import { CmsFormatError, CmsSignerInfo, parseSignedData } from '../cms/signed-data-reader';
import { SignerCheck, verifySigner } from './cms/cms-signer-verifier';
import { checkTimestampToken, TimestampCheck } from './cms/timestamp-token';
import { reason, VerificationReason } from './verification-reasons';
import { CertificatePool } from './x509/certificate-pool';
import { ParsedCertificate } from './x509/parsed-certificate';

export interface IntegrityResult {
  readonly intact: boolean;
  readonly reasons: VerificationReason[];
  readonly signerCertificate?: ParsedCertificate;
  readonly certificates: ParsedCertificate[];
  readonly digestAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  /** the SignerInfo signature value, which a signature timestamp must cover */
  readonly signatureValue?: Buffer;
  readonly signatureTimestampToken?: Buffer;
  /** for ETSI.RFC3161 document timestamps: the token itself */
  readonly documentTimestamp?: TimestampCheck;
  readonly cmsSigningTime?: Date;
  readonly hasEssSigningCertificate: boolean;
  readonly crls: Buffer[];
  readonly ocsps: Buffer[];
}

const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/** Does the CMS in /Contents sign exactly the bytes of the byte range? */
export function checkIntegrity(
  subFilter: string,
  contents: Buffer,
  parts: readonly Buffer[],
  pool: CertificatePool,
): IntegrityResult {
  const none = { certificates: [], hasEssSigningCertificate: false, crls: [], ocsps: [] };
  try {
    if (subFilter === 'ETSI.RFC3161') {
      const ts = checkTimestampToken(contents, parts, pool);
      const reasons = signerReasons(ts.signer, ts.imprintMatches);
      return {
        ...none,
        intact: reasons.length === 0,
        reasons,
        signerCertificate: ts.signer.signerCertificate,
        certificates: ts.certificates,
        digestAlgorithm: ts.imprintAlgorithm,
        signatureAlgorithm: ts.signer.signatureAlgorithm,
        documentTimestamp: ts,
      };
    }
    if (!DETACHED.has(subFilter) && subFilter !== 'adbe.pkcs7.sha1') {
      return { ...none, intact: false, reasons: [reason('UNSUPPORTED_SUBFILTER', { subFilter })] };
    }
    const sd = parseSignedData(contents);
    const certificates = pool.addAll(sd.certificates);
    const si = sd.signerInfos[0];
    if (!si) throw new CmsFormatError('no SignerInfo');
    let check: SignerCheck;
    let contentOk = true;
    if (subFilter === 'adbe.pkcs7.sha1') {
      // the encapsulated content is the SHA-1 digest of the byte range; the signer signs that content
      const h = createHash('sha1');
      for (const p of parts) h.update(p);
      contentOk = sd.eContent !== undefined && h.digest().equals(sd.eContent);
      check = verifySigner(si, certificates, sd.eContent ? [sd.eContent] : []);
    } else {
      check = verifySigner(si, certificates, parts);
    }
    const reasons = signerReasons(check, contentOk);
    const ess = essCertificateMatches(si, check.signerCertificate);
    if (ess === false) reasons.push(reason('ESS_SIGNING_CERTIFICATE_MISMATCH'));
    const archive = revocationArchive(si);
    const signingTime = si.signedAttrs.get(OID.signingTime)?.[0];
    return {
      intact: reasons.filter((r) => r.severity === 'error').length === 0 && check.signatureValid,
      reasons,
      signerCertificate: check.signerCertificate,
      certificates,
      digestAlgorithm: check.digestAlgorithm,
      signatureAlgorithm: check.signatureAlgorithm,
      signatureValue: si.signature,
      signatureTimestampToken: si.unsignedAttrs.get(OID.signatureTimeStampToken)?.[0]?.raw,
      cmsSigningTime: signingTime ? safe(() => readTime(signingTime)) : undefined,
      hasEssSigningCertificate: ess !== undefined,
      crls: [...sd.crls, ...archive.crls],
      ocsps: archive.ocsps,
    };
  } catch (e) {
    return { ...none, intact: false, reasons: [reason('CMS_MALFORMED', { error: (e as Error).message })] };
  }
}

function signerReasons(check: SignerCheck, contentOk: boolean): VerificationReason[] {
  const out: VerificationReason[] = [];
  if (check.problem === 'UNSUPPORTED_ALGORITHM')
    return [reason('UNSUPPORTED_ALGORITHM', { algorithm: check.signatureAlgorithm })];
  if (check.problem === 'MESSAGE_DIGEST_MISSING')
    return [reason('CMS_MALFORMED', { missing: 'messageDigest' })];
  if (!check.digestMatches || !contentOk) out.push(reason('DIGEST_MISMATCH'));
  if (check.problem === 'SIGNER_CERT_NOT_FOUND') out.push(reason('SIGNER_CERT_NOT_FOUND'));
  else if (!check.signatureValid) out.push(reason('CMS_SIGNATURE_INVALID'));
  return out;
}

/** true/false when an ESS signing-certificate(-v2) attribute is present, undefined when absent */
function essCertificateMatches(si: CmsSignerInfo, cert: ParsedCertificate | undefined): boolean | undefined {
  const v2 = si.signedAttrs.get(OID.signingCertificateV2)?.[0];
  const v1 = si.signedAttrs.get(OID.signingCertificate)?.[0];
  const attr = v2 ?? v1;
  if (!attr) return undefined;
  if (!cert) return false;
  return (
    safe(() => {
      const first = attr.child(0).child(0);
      let algorithm = v2 ? 'sha256' : 'sha1';
      let hashNode = first.child(0);
      if (hashNode.tag === TAG.SEQUENCE) {
        algorithm = DIGEST_BY_OID[readAlgorithmIdentifier(hashNode).oid] ?? 'unknown';
        hashNode = first.child(1);
      }
      return algorithm !== 'unknown' && cert.digest(algorithm).equals(hashNode.value);
    }) ?? false
  );
}

/** Adobe's RevocationInfoArchival signed attribute: CRLs [0] and OCSP responses [1] */
function revocationArchive(si: CmsSignerInfo): { crls: Buffer[]; ocsps: Buffer[] } {
  const attr = si.signedAttrs.get(OID.adbeRevocationInfoArchival)?.[0];
  const out = { crls: [] as Buffer[], ocsps: [] as Buffer[] };
  if (!attr) return out;
  safe(() => {
    for (const kid of attr.children) {
      const list: DerNode[] = kid.child(0).children;
      if (kid.tag === 0xa0) out.crls.push(...list.map((n) => n.raw));
      if (kid.tag === 0xa1) out.ocsps.push(...list.map((n) => n.raw));
    }
  });
  return out;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
