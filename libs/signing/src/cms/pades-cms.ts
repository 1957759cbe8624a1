import type { SigningIdentity } from '../keys/signing-identity';
import type { TimestampAuthority } from '../tsa/timestamp-authority';
import { CMS_OIDS } from './cms-oids';
import { assembleSignedData, attribute, signAttributes } from './cms-signed-data';
import { digest, type DigestAlgorithmName } from './digest-algorithm';
import type { RsaPadding } from './signature-algorithm';

export interface PadesCmsInput {
  /** Digest of the PDF's signed byte ranges, computed with `digestAlgorithm`. */
  readonly documentDigest: Buffer;
  /** Default SHA-256. */
  readonly digestAlgorithm?: DigestAlgorithmName;
  readonly identity: SigningIdentity;
  /** RSA keys only; default PKCS#1 v1.5. */
  readonly rsaPadding?: RsaPadding;
  /** When given, the signature gets an RFC 3161 signature timestamp (PAdES B-T). */
  readonly timestampAuthority?: TimestampAuthority;
}

/**
 * The CMS for a PAdES baseline signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached): detached
 * SignedData whose signed attributes are exactly content-type (id-data), message-digest and ESS
 * signing-certificate-v2, without signing-time (the time goes in the signature dictionary's /M), with
 * the whole certificate chain, and with a signature-time-stamp-token unsigned attribute for B-T.
 * Returns the DER ContentInfo to place in /Contents.
 */
export async function createPadesCms(input: PadesCmsInput): Promise<Buffer> {
  const digestAlgorithm = input.digestAlgorithm ?? 'SHA-256';
  const signed = signAttributes({
    identity: input.identity,
    contentDigest: input.documentDigest,
    digestAlgorithm,
    rsaPadding: input.rsaPadding,
  });
  if (!input.timestampAuthority) return assembleSignedData(signed);
  // ETSI EN 319 122-1 5.3: the time-stamp imprint is the digest of the SignerInfo's signature value
  const token = await input.timestampAuthority.timestamp(
    digest(digestAlgorithm, signed.signature),
    digestAlgorithm,
  );
  return assembleSignedData(signed, [attribute(CMS_OIDS.signatureTimeStampTokenAttr, token)]);
}
