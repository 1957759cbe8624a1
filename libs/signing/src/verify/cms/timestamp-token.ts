import { createHash } from 'node:crypto';
import { DIGEST_BY_OID } from '../../asn1/oids';
import { CmsFormatError } from '../../cms/signed-data-reader';
import { readTimestampToken } from '../../tsa/timestamp-token';
import { CertificatePool } from '../x509/certificate-pool';
import { ParsedCertificate } from '../x509/parsed-certificate';
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
 * Checks an RFC 3161 TimeStampToken (read by the same reader the TSA client uses) against `covered`
 * (the data whose digest the token should carry: a signature value for a signature timestamp, the
 * byte ranges for a document timestamp) and verifies its signer.
 */
export function checkTimestampToken(
  token: Buffer,
  covered: readonly Buffer[],
  pool: CertificatePool,
): TimestampCheck {
  const info = readTimestampToken(token);
  const imprintAlgorithm = DIGEST_BY_OID[info.hashAlgorithmOid];
  let imprintMatches = false;
  if (imprintAlgorithm) {
    const h = createHash(imprintAlgorithm);
    for (const part of covered) h.update(part);
    imprintMatches = h.digest().equals(info.hashedMessage);
  }
  // the TSA certificate may be left out of the token (certReq false) and found in the DSS instead
  const certificates = pool.addAll(info.certificates);
  const si = info.signedData.signerInfos[0];
  if (!si) throw new CmsFormatError('timestamp token without signer');
  return {
    genTime: info.genTime,
    serialHex: info.serialNumber,
    imprintAlgorithm,
    imprintMatches,
    signer: verifySigner(si, [...certificates, ...pool.all()], [info.tstInfo]),
    certificates,
  };
}
