import { DerNode } from './der-node';
import { readOid } from './der-values';

export interface AlgorithmIdentifier {
  readonly oid: string;
  /** the parameters element when present and not NULL */
  readonly params?: DerNode;
}

export function readAlgorithmIdentifier(node: DerNode): AlgorithmIdentifier {
  const kids = node.children;
  const params = kids[1] && kids[1].tag !== 0x05 ? kids[1] : undefined;
  return { oid: readOid(kids[0]), params };
}
