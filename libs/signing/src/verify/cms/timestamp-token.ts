import { createHash } from 'node:crypto';
import { readAlgorithmIdentifier } from '../asn1/algorithm-identifier';
import { DerNode } from '../asn1/der-node';
import { readIntegerHex, readTime, TAG } from '../asn1/der-values';
import { DIGEST_BY_OID, OID } from '../asn1/oids';
import { CertificatePool } from '../x509/certificate-pool';
import { ParsedCertificate } from '../x509/parsed-certificate';
import { CmsFormatError, parseSignedData } from './cms-signed-data';
import { SignerCheck, verifySigner } from './cms-signer-verifier';

export interface TimestampCheck {
  readonly genTime: Date;
  readonly serialHex: string;
  readonly imprintAlgorithm?: string;
  /** the token's message imprint equals the digest of the data it should cover */
  readonly imprintMatches: boolean;
  readonly signer: SignerCheck;
  /** certificates carried in the token, for chain building */
  readonly certificates: ParsedCertificate[];
}

/**
 * Reads an RFC 3161 TimeStampToken and checks it against `covered` (the data whose digest the token
 * should carry: a signature value for a signature timestamp, the byte ranges for a document timestamp).
 */
export function checkTimestampToken(
  token: Buffer,
  covered: readonly Buffer[],
  pool: CertificatePool,
): TimestampCheck {
  const sd = parseSignedData(token);
  if (sd.eContentType !== OID.tstInfo || !sd.eContent) throw new CmsFormatError('not a timestamp token');
  const tst = DerNode.parse(sd.eContent).expect(TAG.SEQUENCE);
  const imprint = tst.child(2).expect(TAG.SEQUENCE);
  const imprintAlgorithm = DIGEST_BY_OID[readAlgorithmIdentifier(imprint.child(0)).oid];
  const hashed = imprint.child(1).expect(TAG.OCTET_STRING).value;
  let imprintMatches = false;
  if (imprintAlgorithm) {
    const h = createHash(imprintAlgorithm);
    for (const part of covered) h.update(part);
    imprintMatches = h.digest().equals(hashed);
  }
  // the TSA certificate may be left out of the token (certReq false) and found in the DSS instead
  const certificates = pool.addAll(sd.certificates);
  const si = sd.signerInfos[0];
  if (!si) throw new CmsFormatError('timestamp token without signer');
  return {
    genTime: readTime(tst.child(4)),
    serialHex: readIntegerHex(tst.child(3)),
    imprintAlgorithm,
    imprintMatches,
    signer: verifySigner(si, [...certificates, ...pool.all()], [sd.eContent]),
    certificates,
  };
}
