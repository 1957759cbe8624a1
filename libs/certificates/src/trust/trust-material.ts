import { Injectable } from '@nestjs/common';
import { TrustAnchorRepository } from './trust-anchor.repository';

export interface TrustMaterialSnapshot {
  /** DER of every trust anchor of the node. */
  readonly trustAnchors: Buffer[];
  /** DER of the newest CRL of each issuer. */
  readonly crls: Buffer[];
}

/**
 * What the verifier trusts on this node, read fresh for each verification (a removal takes effect
 * at once; a batch of received packages is judged against one reading, taken when it arrives). The verifier keeps what it parsed from these bytes, keyed by their digest, so reading
 * them again costs one query and no parsing.
 */
@Injectable()
export class TrustMaterial {
  constructor(private readonly anchors: TrustAnchorRepository) {}

  current(): Promise<TrustMaterialSnapshot> {
    return this.anchors.trustMaterialDer();
  }
}
