import { readAlgorithmIdentifier } from '../asn1/algorithm-identifier';
import { DerNode } from '../asn1/der-node';
import { ctx, readIntegerHex, readOid, readTime, TAG } from '../asn1/der-values';
import { OID } from '../asn1/oids';
import { CmsFormatError, type CmsSignedData, parseSignedData } from '../cms/signed-data-reader';

/** The fields of a TimeStampToken that the TSA client and the verifier check or show. */
export interface TimestampTokenInfo {
  readonly genTime: Date;
  /** Lowercase hex without leading zero octets. */
  readonly serialNumber: string;
  readonly policy: string;
  readonly hashAlgorithmOid: string;
  readonly hashedMessage: Buffer;
  /** Lowercase hex of the INTEGER value without leading zero octets, or undefined without a nonce. */
  readonly nonce: string | undefined;
  /** DER of the certificates carried in the token (the TSA's, when requested). */
  readonly certificates: readonly Buffer[];
  /** The SignedData around the TSTInfo, for checking its signer. */
  readonly signedData: CmsSignedData;
  /** The encoded TSTInfo: the content the token's signer signed. */
  readonly tstInfo: Buffer;
}

/**
 * Reads a TimeStampToken (ContentInfo with SignedData over a TSTInfo, RFC 3161 2.4.2): the one reader
 * of timestamp tokens, used by the TSA client on fresh tokens and by the verifier on embedded ones.
 * Throws CmsFormatError when the structure is not a timestamp token; callers map it to their own
 * error code. Does not verify the signature: the verifier does that with its trust store.
 */
export function readTimestampToken(token: Buffer): TimestampTokenInfo {
  const signedData = parseSignedData(token);
  if (signedData.eContentType !== OID.tstInfo || !signedData.eContent) {
    throw new CmsFormatError('timestamp token does not hold a TSTInfo');
  }
  try {
    return { ...readTstInfo(signedData.eContent), certificates: signedData.certificates, signedData };
  } catch (error) {
    if (error instanceof CmsFormatError) throw error;
    throw new CmsFormatError(`malformed TSTInfo: ${(error as Error).message}`);
  }
}

type TstInfoFields = Omit<TimestampTokenInfo, 'certificates' | 'signedData'>;

/**
 * TSTInfo ::= SEQUENCE { version INTEGER (1), policy, messageImprint, serialNumber, genTime
 * GeneralizedTime, accuracy SEQUENCE OPTIONAL, ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL,
 * tsa [0] OPTIONAL, extensions [1] OPTIONAL }, read strictly: fields in this order, nothing else.
 */
function readTstInfo(encoded: Buffer): TstInfoFields {
  const tst = DerNode.parse(encoded).expect(TAG.SEQUENCE);
  const version = tst.child(0).expect(TAG.INTEGER).value;
  if (version.length !== 1 || version[0] !== 1) throw new CmsFormatError('TSTInfo version is not 1');
  const imprint = tst.child(2).expect(TAG.SEQUENCE);
  const genTime = tst.child(4).expect(TAG.GENERALIZED_TIME);
  const optional = tst.children.slice(5);
  const take = (tag: number): DerNode | undefined =>
    optional[0]?.tag === tag ? optional.shift() : undefined;
  take(TAG.SEQUENCE); // accuracy
  take(TAG.BOOLEAN); // ordering
  const nonce = take(TAG.INTEGER);
  take(ctx(0)); // tsa name
  take(ctx(1)); // extensions
  if (optional.length > 0) {
    throw new CmsFormatError(`unexpected TSTInfo field 0x${optional[0].tag.toString(16)}`);
  }
  return {
    genTime: readTime(genTime),
    serialNumber: readIntegerHex(tst.child(3)),
    policy: readOid(tst.child(1)),
    hashAlgorithmOid: readAlgorithmIdentifier(imprint.child(0).expect(TAG.SEQUENCE)).oid,
    hashedMessage: imprint.child(1).expect(TAG.OCTET_STRING).value,
    nonce: nonce ? readIntegerHex(nonce) : undefined,
    tstInfo: encoded,
  };
}
