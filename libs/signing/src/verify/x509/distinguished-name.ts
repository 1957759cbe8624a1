import { DerNode } from '../asn1/der-node';
import { readOid, readText } from '../asn1/der-values';
import { NAME_ATTRIBUTES } from '../asn1/oids';

export interface DistinguishedName {
  /** RFC 4514 text, most specific first: `CN=Nguyễn Văn A, O=UBND tỉnh X, C=VN` */
  readonly text: string;
  readonly commonName?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
}

export function readName(node: DerNode): DistinguishedName {
  const parts: string[] = [];
  let commonName: string | undefined;
  let organization: string | undefined;
  let organizationalUnit: string | undefined;
  for (const rdn of node.children) {
    for (const atv of rdn.children) {
      const oid = readOid(atv.child(0));
      const label = NAME_ATTRIBUTES[oid] ?? oid;
      const value = readText(atv.child(1));
      parts.push(`${label}=${value.replace(/([,+"\\<>;])/g, '\\$1')}`);
      if (label === 'CN') commonName ??= value;
      if (label === 'O') organization ??= value;
      if (label === 'OU') organizationalUnit ??= value;
    }
  }
  // RFC 4514 order (most specific first), as certificates/distinguished-name.ts prints names
  return { text: parts.reverse().join(', '), commonName, organization, organizationalUnit };
}
