import { CertificatePool } from './certificate-pool';
import { ParsedCertificate } from './parsed-certificate';

export interface ChainResult {
  /** from the end-entity certificate up to the anchor (or as far as it could be built) */
  readonly chain: ParsedCertificate[];
  readonly trusted: boolean;
}

const MAX_DEPTH = 10;

/**
 * Builds a path from a certificate to one of the trust anchors through the pool, checking each
 * signature and that every intermediate is a CA. Anchors are trusted as configured (a root or an
 * intermediate); the anchor itself is not required to be self-signed.
 */
export class ChainBuilder {
  constructor(
    private readonly pool: CertificatePool,
    private readonly anchors: readonly ParsedCertificate[],
  ) {}

  build(leaf: ParsedCertificate): ChainResult {
    const found = this.search(leaf, [leaf]);
    if (found) return { chain: found, trusted: true };
    return { chain: this.partial(leaf), trusted: false };
  }

  isAnchor(cert: ParsedCertificate): boolean {
    return this.anchors.some((a) => a.sameAs(cert));
  }

  private search(cert: ParsedCertificate, path: ParsedCertificate[]): ParsedCertificate[] | undefined {
    if (this.isAnchor(cert)) return path;
    if (path.length > MAX_DEPTH) return undefined;
    const candidates = this.pool.issuerCandidates(cert);
    // anchors first: the shortest trusted path wins
    candidates.sort((a, b) => Number(this.isAnchor(b)) - Number(this.isAnchor(a)));
    for (const issuer of candidates) {
      if (path.some((p) => p.sameAs(issuer))) continue;
      if (!this.isAnchor(issuer) && !issuer.isCa) continue;
      if (!this.pool.isSignedBy(cert, issuer)) continue;
      const found = this.search(issuer, [...path, issuer]);
      if (found) return found;
    }
    return undefined;
  }

  /** the best untrusted path, for the report: follow verified issuers while there are any */
  private partial(leaf: ParsedCertificate): ParsedCertificate[] {
    const path = [leaf];
    let cur = leaf;
    while (path.length <= MAX_DEPTH && !cur.selfIssued) {
      const next = this.pool
        .issuerCandidates(cur)
        .find((c) => !path.includes(c) && this.pool.isSignedBy(cur, c));
      if (!next) break;
      path.push(next);
      cur = next;
    }
    return path;
  }
}
