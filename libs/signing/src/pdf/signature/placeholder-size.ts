import type { SigningIdentity } from '../../keys/signing-identity';

/** Signed attributes, SignerInfo, algorithm identifiers and DER framing, generously. */
const CMS_OVERHEAD = 2048;
/**
 * A timestamp token carries its own SignedData with the TSA's certificate and often its chain;
 * Vietnamese public TSAs answer with 3–6 KB.
 */
const TIMESTAMP_ALLOWANCE = 12 * 1024;

/**
 * Bytes to reserve in /Contents: the certificates that go into the CMS, the signature value, the
 * overhead, and the timestamp when one is requested; rounded up to a whole KiB.
 */
export function placeholderBytes(identity: SigningIdentity, withTimestamp: boolean): number {
  const certificates = identity.certificate.length + identity.chain.reduce((sum, c) => sum + c.length, 0);
  const details = identity.privateKey.asymmetricKeyDetails;
  const signature = details?.modulusLength ? Math.ceil(details.modulusLength / 8) : 160;
  const total = certificates + signature + CMS_OVERHEAD + (withTimestamp ? TIMESTAMP_ALLOWANCE : 0);
  return Math.ceil(total / 1024) * 1024;
}
