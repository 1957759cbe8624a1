import { Injectable } from '@nestjs/common';
import { CrlRepository } from './crl.repository';
import { TrustAnchorRepository } from './trust-anchor.repository';

export interface TrustMaterialSnapshot {
  /** DER of every trust anchor of the node. */
  readonly trustAnchors: Buffer[];
  /** DER of the newest CRL of each issuer. */
  readonly crls: Buffer[];
}

/** What the verifier trusts on this node, read fresh for each verification (a removal takes effect at once). */
@Injectable()
export class TrustMaterial {
  constructor(
    private readonly anchors: TrustAnchorRepository,
    private readonly crls: CrlRepository,
  ) {}

  async current(): Promise<TrustMaterialSnapshot> {
    const [trustAnchors, crls] = await Promise.all([this.anchors.allDer(), this.crls.latestDerPerIssuer()]);
    return { trustAnchors, crls };
  }
}
