import type { SigningIdentity } from '../keys/signing-identity';
import { signingError } from '../signing.errors';
import { CMS_OIDS } from './cms-oids';
import { der, retag } from './der';
import { digestAlgorithmInfo, type DigestAlgorithmName } from './digest-algorithm';
import { signatureScheme, type RsaPadding } from './signature-algorithm';
import { signerProfile } from './signer-profile';

export interface SignedDataInput {
  readonly identity: SigningIdentity;
  /** Digest of the content (detached or encapsulated) with `digestAlgorithm`. */
  readonly contentDigest: Buffer;
  readonly digestAlgorithm: DigestAlgorithmName;
  readonly rsaPadding?: RsaPadding;
  /** Default id-data. */
  readonly contentType?: string;
  /** Encapsulated content (e.g. a TSTInfo); absent for a detached signature. */
  readonly encapsulatedContent?: Buffer;
  /** Further signed attributes (complete Attribute encodings), after the mandatory three. */
  readonly extraSignedAttributes?: readonly Buffer[];
  /** Default true; a TSA leaves them out when the request did not ask (RFC 3161 2.4.1 certReq). */
  readonly includeCertificates?: boolean;
}

/** The signed half of a SignerInfo: what was signed and the signature value. */
export interface SignedAttributes {
  readonly input: SignedDataInput;
  /** `[0] IMPLICIT SignedAttributes` as it goes into the SignerInfo. */
  readonly signedAttributesField: Buffer;
  readonly signatureAlgorithm: Buffer;
  readonly signature: Buffer;
}

/**
 * Signs content-type, message-digest and ESS signing-certificate-v2 (plus any extra attributes):
 * the signature covers the DER of the SET OF attributes (RFC 5652 5.4), computed by node:crypto.
 */
export function signAttributes(input: SignedDataInput): SignedAttributes {
  const digestInfo = digestAlgorithmInfo(input.digestAlgorithm);
  if (input.contentDigest.length !== digestInfo.length) {
    throw signingError('SIGNING_DIGEST_INVALID', {
      expectedLength: digestInfo.length,
      actualLength: input.contentDigest.length,
    });
  }
  const profile = signerProfile(input.identity);
  const scheme = signatureScheme(
    input.identity.privateKey,
    input.digestAlgorithm,
    input.rsaPadding ?? 'pkcs1',
  );
  const attributesSet = der.setOf(
    attribute(CMS_OIDS.contentTypeAttr, der.oid(input.contentType ?? CMS_OIDS.data)),
    attribute(CMS_OIDS.messageDigestAttr, der.octetString(input.contentDigest)),
    profile.signingCertificateV2,
    ...(input.extraSignedAttributes ?? []),
  );
  return {
    input,
    signedAttributesField: retag(attributesSet, 0xa0),
    signatureAlgorithm: scheme.algorithmIdentifier,
    signature: scheme.sign(attributesSet),
  };
}

/** Wraps a signed SignerInfo into a CMS ContentInfo (SignedData), with optional unsigned attributes. */
export function assembleSignedData(
  signed: SignedAttributes,
  unsignedAttributes: readonly Buffer[] = [],
): Buffer {
  const { input } = signed;
  const profile = signerProfile(input.identity);
  const digestAlgorithm = der.algorithm(digestAlgorithmInfo(input.digestAlgorithm).oid);
  const contentType = input.contentType ?? CMS_OIDS.data;
  const signerInfo = der.sequence(
    der.integer(1),
    profile.signerIdentifier,
    digestAlgorithm,
    signed.signedAttributesField,
    signed.signatureAlgorithm,
    der.octetString(signed.signature),
    ...(unsignedAttributes.length ? [retag(der.setOf(...unsignedAttributes), 0xa1)] : []),
  );
  const encapsulated = input.encapsulatedContent
    ? der.sequence(
        der.oid(contentType),
        der.contextConstructed(0, der.octetString(input.encapsulatedContent)),
      )
    : der.sequence(der.oid(contentType));
  const signedData = der.sequence(
    // RFC 5652 5.1: version 3 when the content is not id-data, else 1 (only X.509 certificates here)
    der.integer(contentType === CMS_OIDS.data ? 1 : 3),
    der.setOf(digestAlgorithm),
    encapsulated,
    ...(input.includeCertificates === false ? [] : [profile.certificates]),
    der.setOf(signerInfo),
  );
  return der.sequence(der.oid(CMS_OIDS.signedData), der.contextConstructed(0, signedData));
}

/** An Attribute: SEQUENCE { type, SET OF value }. */
export function attribute(oid: string, ...values: Buffer[]): Buffer {
  return der.sequence(der.oid(oid), der.setOf(...values));
}
