import type { DigestAlgorithmName } from '../cms/digest-algorithm';

/**
 * Port to an RFC 3161 time-stamping authority. Used for the signature timestamp of PAdES B-T (the
 * imprint is the digest of the CMS signature value) and for document timestamps (B-LTA).
 */
export abstract class TimestampAuthority {
  /**
   * Returns the TimeStampToken (a CMS ContentInfo, DER) over `messageImprint`, the already computed
   * digest of the data with `digestAlgorithm`. Errors: TSA_UNREACHABLE, TSA_REJECTED, TSA_RESPONSE_INVALID.
   */
  abstract timestamp(messageImprint: Buffer, digestAlgorithm: DigestAlgorithmName): Promise<Buffer>;
}
