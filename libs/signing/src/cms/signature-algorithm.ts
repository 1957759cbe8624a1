import { constants, sign, type KeyObject } from 'node:crypto';
import { signingError } from '../signing.errors';
import { CMS_OIDS } from './cms-oids';
import { der } from './der';
import { digestAlgorithmInfo, type DigestAlgorithmName } from './digest-algorithm';

export type RsaPadding = 'pkcs1' | 'pss';

/** How one key signs with one digest: the SignerInfo signatureAlgorithm and the node:crypto call. */
export interface SignatureScheme {
  readonly algorithmIdentifier: Buffer;
  sign(data: Buffer): Buffer;
}

const RSA_OIDS: Record<DigestAlgorithmName, string> = {
  'SHA-256': CMS_OIDS.sha256WithRsa,
  'SHA-384': CMS_OIDS.sha384WithRsa,
  'SHA-512': CMS_OIDS.sha512WithRsa,
};
const ECDSA_OIDS: Record<DigestAlgorithmName, string> = {
  'SHA-256': CMS_OIDS.ecdsaWithSha256,
  'SHA-384': CMS_OIDS.ecdsaWithSha384,
  'SHA-512': CMS_OIDS.ecdsaWithSha512,
};

/**
 * RSA PKCS#1 v1.5 (shaNWithRSAEncryption, NULL parameters), RSASSA-PSS (MGF1 with the same digest,
 * salt length = digest length, RFC 4055) or ECDSA (ecdsa-with-SHAn, absent parameters, DER signature).
 * A key that only allows PSS (`rsa-pss` key type) always signs with PSS.
 */
export function signatureScheme(
  key: KeyObject,
  digestName: DigestAlgorithmName,
  padding: RsaPadding,
): SignatureScheme {
  const digestInfo = digestAlgorithmInfo(digestName);
  const hash = digestInfo.nodeName;
  const type = key.asymmetricKeyType;
  if (type === 'ec') {
    return {
      algorithmIdentifier: der.algorithm(ECDSA_OIDS[digestName]),
      sign: (data) => sign(hash, data, key),
    };
  }
  if (type === 'rsa' && padding === 'pkcs1') {
    return {
      algorithmIdentifier: der.algorithm(RSA_OIDS[digestName], der.null()),
      sign: (data) => sign(hash, data, key),
    };
  }
  if (type === 'rsa' || type === 'rsa-pss') {
    const hashAlgorithm = der.algorithm(digestInfo.oid);
    const params = der.sequence(
      der.contextConstructed(0, hashAlgorithm),
      der.contextConstructed(1, der.algorithm(CMS_OIDS.mgf1, hashAlgorithm)),
      der.contextConstructed(2, der.integer(digestInfo.length)),
    );
    const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: digestInfo.length };
    return {
      algorithmIdentifier: der.algorithm(CMS_OIDS.rsassaPss, params),
      sign: (data) => sign(hash, data, options),
    };
  }
  throw signingError('SIGNING_KEY_UNSUPPORTED', { keyType: type ?? 'unknown' });
}
