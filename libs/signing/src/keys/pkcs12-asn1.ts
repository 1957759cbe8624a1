import forge from 'node-forge';

/** Why opening a PKCS#12 failed; the keystore turns these into AppExceptions. */
export class Pkcs12OpenError extends Error {
  constructor(readonly reason: 'malformed' | 'password') {
    super(reason === 'password' ? 'PKCS#12 password does not match' : 'PKCS#12 structure is not readable');
  }
}

const asn1 = forge.asn1;
export type Node = forge.asn1.Asn1;

/** Small readers over node-forge's ASN.1 tree that fail with Pkcs12OpenError('malformed'). */
export function parse(bytes: Buffer): Node {
  try {
    // strict: a declared length beyond the data is an error (forge would otherwise accept truncated files)
    return asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), {
      strict: true,
      parseAllBytes: false,
      decodeBitStrings: false,
    } as unknown as boolean);
  } catch {
    throw new Pkcs12OpenError('malformed');
  }
}

export function children(node: Node): Node[] {
  if (!Array.isArray(node.value)) throw new Pkcs12OpenError('malformed');
  return node.value;
}

export function child(node: Node, index: number): Node {
  const found = children(node)[index];
  if (!found) throw new Pkcs12OpenError('malformed');
  return found;
}

export function oidOf(node: Node): string {
  if (node.type !== asn1.Type.OID || typeof node.value !== 'string') throw new Pkcs12OpenError('malformed');
  return asn1.derToOid(node.value);
}

export function integer(node: Node): number {
  if (typeof node.value !== 'string') throw new Pkcs12OpenError('malformed');
  return forge.util.createBuffer(node.value).getInt(node.value.length * 8);
}

/** Contents of an OCTET STRING (or an [n] IMPLICIT one), joining BER constructed chunks. */
export function octets(node: Node): Buffer {
  if (typeof node.value === 'string') return Buffer.from(node.value, 'binary');
  return Buffer.concat(children(node).map(octets));
}

export function toDer(node: Node): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}
