import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_OIDS } from '../cms/cms-oids';

/** The fields of a TimeStampToken that callers check or show. */
export interface TimestampTokenInfo {
  readonly genTime: Date;
  /** Lowercase hex. */
  readonly serialNumber: string;
  readonly policy: string;
  readonly hashAlgorithmOid: string;
  readonly hashedMessage: Buffer;
  /** Lowercase hex of the INTEGER value, or undefined without a nonce. */
  readonly nonce: string | undefined;
  /** DER of the certificates carried in the token (the TSA's, when requested). */
  readonly certificates: readonly Buffer[];
  readonly signedData: pkijs.SignedData;
}

/**
 * Reads a TimeStampToken (ContentInfo with SignedData over a TSTInfo). Throws a plain Error when the
 * structure is not a timestamp token; callers map it to their own error code. Does not verify the
 * signature: the verifier does that with its trust store.
 */
export function readTimestampToken(token: Buffer): TimestampTokenInfo {
  const contentInfo = pkijs.ContentInfo.fromBER(token);
  if (contentInfo.contentType !== CMS_OIDS.signedData) throw new Error('timestamp token is not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const encapsulated = signedData.encapContentInfo;
  if (encapsulated.eContentType !== CMS_OIDS.tstInfo || !encapsulated.eContent) {
    throw new Error('timestamp token does not hold a TSTInfo');
  }
  const tstInfo = pkijs.TSTInfo.fromBER(encapsulated.eContent.getValue());
  return {
    genTime: tstInfo.genTime,
    serialNumber: integerHex(tstInfo.serialNumber),
    policy: tstInfo.policy,
    hashAlgorithmOid: tstInfo.messageImprint.hashAlgorithm.algorithmId,
    hashedMessage: Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: tstInfo.nonce ? integerHex(tstInfo.nonce) : undefined,
    certificates: (signedData.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => Buffer.from(c.toSchema().toBER())),
    signedData,
  };
}

/** An INTEGER's value as minimal lowercase hex, so 00-padded encodings compare equal. */
export function integerHex(value: asn1js.Integer): string {
  const hex = Buffer.from(value.valueBlock.valueHexView)
    .toString('hex')
    .replace(/^(00)+/, '');
  return hex === '' ? '00' : hex;
}
