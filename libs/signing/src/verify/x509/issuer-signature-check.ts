import type { KeyObject } from 'node:crypto';
import type { AlgorithmIdentifier } from '../../asn1/algorithm-identifier';
import { verifySignature } from './signature-verifier';

/**
 * The signature of a certificate or a CRL over its to-be-signed part, checked at most once per
 * candidate issuer (chain building asks the same question many times). Weak keys, so a shared
 * issuer certificate does not pin the objects it was asked about.
 */
export class IssuerSignatureCheck {
  private readonly results = new WeakMap<object, boolean>();

  constructor(
    private readonly algorithm: AlgorithmIdentifier,
    private readonly tbs: Buffer,
    private readonly signature: Buffer,
  ) {}

  signedBy(issuer: { readonly publicKey: KeyObject }): boolean {
    let ok = this.results.get(issuer);
    if (ok === undefined) {
      try {
        ok = verifySignature(this.algorithm, issuer.publicKey, [this.tbs], this.signature);
      } catch {
        ok = false;
      }
      this.results.set(issuer, ok);
    }
    return ok;
  }
}
