import { AlgorithmIdentifier, readAlgorithmIdentifier } from '../asn1/algorithm-identifier';
import { DerNode } from '../asn1/der-node';
import { ctx, readIntegerHex, readOid, TAG } from '../asn1/der-values';
import { DIGEST_BY_OID, OID } from '../asn1/oids';

export interface SignerIdentifier {
  readonly issuerRaw?: Buffer;
  readonly serialHex?: string;
  readonly subjectKeyId?: Buffer;
}

export interface CmsSignerInfo {
  readonly sid: SignerIdentifier;
  readonly digestAlgorithmOid: string;
  /** node:crypto digest name, undefined when the OID is unknown */
  readonly digestAlgorithm?: string;
  /** the signed attributes as encoded ([0] IMPLICIT), undefined when absent */
  readonly signedAttrsRaw?: Buffer;
  readonly signedAttrs: ReadonlyMap<string, DerNode[]>;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Buffer;
  readonly unsignedAttrs: ReadonlyMap<string, DerNode[]>;
}

export interface CmsSignedData {
  readonly eContentType: string;
  /** encapsulated content, undefined for detached signatures */
  readonly eContent?: Buffer;
  readonly certificates: Buffer[];
  readonly crls: Buffer[];
  readonly signerInfos: CmsSignerInfo[];
}

export class CmsFormatError extends Error {}

/**
 * Reads a ContentInfo holding SignedData (RFC 5652). Trailing zero padding is ignored. The one CMS
 * reader of libs/signing: the verifier's signatures and timestamps and the TSA client's fresh tokens
 * (`readTimestampToken`) go through it; `cms-signed-data.ts` is its writing counterpart.
 */
export function parseSignedData(input: Buffer): CmsSignedData {
  try {
    const contentInfo = DerNode.parse(input).expect(TAG.SEQUENCE);
    if (readOid(contentInfo.child(0)) !== OID.signedData) throw new CmsFormatError('not a CMS SignedData');
    const sd = contentInfo.child(1).expect(ctx(0)).child(0).expect(TAG.SEQUENCE);
    const kids = sd.children;
    kids[0].expect(TAG.INTEGER); // version
    kids[1].expect(TAG.SET); // digestAlgorithms
    const encap = kids[2].expect(TAG.SEQUENCE);
    const eContentType = readOid(encap.child(0));
    const eContentWrapper = encap.children[1]?.expect(ctx(0));
    const eContent = eContentWrapper ? eContentWrapper.child(0).octets() : undefined;
    const certificates: Buffer[] = [];
    const crls: Buffer[] = [];
    let signerSet: DerNode | undefined;
    for (const k of kids.slice(3)) {
      if (k.tag === ctx(0)) for (const c of k.children) if (c.tag === TAG.SEQUENCE) certificates.push(c.raw);
      if (k.tag === ctx(1)) for (const c of k.children) if (c.tag === TAG.SEQUENCE) crls.push(c.raw);
      if (k.tag === TAG.SET) signerSet = k;
    }
    if (!signerSet) throw new CmsFormatError('no signerInfos');
    return {
      eContentType,
      eContent,
      certificates,
      crls,
      signerInfos: signerSet.children.map(readSignerInfo),
    };
  } catch (e) {
    if (e instanceof CmsFormatError) throw e;
    throw new CmsFormatError(`malformed CMS: ${(e as Error).message}`);
  }
}

function readSignerInfo(node: DerNode): CmsSignerInfo {
  const f = node.children;
  let i = 1;
  const sidNode = f[i++];
  const sid: SignerIdentifier =
    sidNode.tag === TAG.SEQUENCE
      ? { issuerRaw: sidNode.child(0).raw, serialHex: readIntegerHex(sidNode.child(1)) }
      : { subjectKeyId: sidNode.value };
  const digestAlgorithmOid = readAlgorithmIdentifier(f[i++]).oid;
  let signedAttrsRaw: Buffer | undefined;
  let signedAttrs = new Map<string, DerNode[]>();
  if (f[i].tag === ctx(0)) {
    signedAttrsRaw = f[i].raw;
    signedAttrs = readAttributes(f[i++]);
  }
  const signatureAlgorithm = readAlgorithmIdentifier(f[i++]);
  const signature = f[i++].expect(TAG.OCTET_STRING).octets();
  const unsignedAttrs = f[i]?.tag === ctx(1) ? readAttributes(f[i]) : new Map<string, DerNode[]>();
  return {
    sid,
    digestAlgorithmOid,
    digestAlgorithm: DIGEST_BY_OID[digestAlgorithmOid],
    signedAttrsRaw,
    signedAttrs,
    signatureAlgorithm,
    signature,
    unsignedAttrs,
  };
}

function readAttributes(node: DerNode): Map<string, DerNode[]> {
  const attrs = new Map<string, DerNode[]>();
  for (const attr of node.children) attrs.set(readOid(attr.child(0)), attr.child(1).children);
  return attrs;
}

/** the bytes a SignerInfo signature covers when signed attributes are present: the SET OF re-tagged */
export function signedAttributesForVerification(raw: Buffer): Buffer {
  const copy = Buffer.from(raw);
  copy[0] = TAG.SET;
  return copy;
}
