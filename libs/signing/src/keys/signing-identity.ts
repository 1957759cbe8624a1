import type { KeyObject } from 'node:crypto';

/**
 * A private key ready to sign, with its certificate and the chain above it. Parsed once from a
 * PKCS#12 (or later a PKCS#11 token) and then reused for every signature.
 */
export interface SigningIdentity {
  /** Node's key object: the private-key operation always goes through node:crypto. */
  readonly privateKey: KeyObject;
  /** DER of the signer's certificate. */
  readonly certificate: Buffer;
  /** DER of the certificates above the signer (issuing CA first, root last if present). */
  readonly chain: readonly Buffer[];
}
