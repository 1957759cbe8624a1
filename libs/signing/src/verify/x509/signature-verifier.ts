import { constants, createVerify, KeyObject, verify } from 'node:crypto';
import { AlgorithmIdentifier, readAlgorithmIdentifier } from '../../asn1/algorithm-identifier';
import { readSmallInteger } from '../../asn1/der-values';
import { DIGEST_BY_OID } from '../../asn1/oids';

/** signature algorithm OIDs whose digest is implied by the OID */
const RSA_PKCS1: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.3.14.3.2.29': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '2.16.840.1.101.3.4.3.14': 'sha3-256',
  '2.16.840.1.101.3.4.3.15': 'sha3-384',
  '2.16.840.1.101.3.4.3.16': 'sha3-512',
};
const ECDSA: Readonly<Record<string, string>> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '2.16.840.1.101.3.4.3.10': 'sha3-256',
  '2.16.840.1.101.3.4.3.11': 'sha3-384',
  '2.16.840.1.101.3.4.3.12': 'sha3-512',
};
const DSA: Readonly<Record<string, string>> = {
  '1.2.840.10040.4.3': 'sha1',
  '2.16.840.1.101.3.4.3.2': 'sha256',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';
const MGF1 = '1.2.840.113549.1.1.8';

export class UnsupportedAlgorithmError extends Error {
  constructor(readonly oid: string) {
    super(`unsupported signature algorithm ${oid}`);
  }
}

/** A readable label such as "RSA-PSS/sha256" for reports. */
export function describeSignatureAlgorithm(alg: AlgorithmIdentifier, digestHint?: string): string {
  if (RSA_PKCS1[alg.oid]) return `RSA/${RSA_PKCS1[alg.oid]}`;
  if (ECDSA[alg.oid]) return `ECDSA/${ECDSA[alg.oid]}`;
  if (DSA[alg.oid]) return `DSA/${DSA[alg.oid]}`;
  if (alg.oid === RSA_ENCRYPTION) return `RSA/${digestHint ?? '?'}`;
  if (alg.oid === EC_PUBLIC_KEY) return `ECDSA/${digestHint ?? '?'}`;
  if (alg.oid === RSA_PSS) return `RSA-PSS/${pssParams(alg).hash}`;
  if (alg.oid === ED25519) return 'Ed25519';
  return alg.oid;
}

/**
 * Verifies `signature` over the concatenation of `data` with the algorithm named by `alg`.
 * `digestHint` is the digest to use when the OID names only the key type (rsaEncryption,
 * ecPublicKey), which is how CMS SignerInfos usually spell it.
 */
export function verifySignature(
  alg: AlgorithmIdentifier,
  key: KeyObject,
  data: readonly Buffer[],
  signature: Buffer,
  digestHint?: string,
): boolean {
  let hash: string | undefined = RSA_PKCS1[alg.oid] ?? ECDSA[alg.oid] ?? DSA[alg.oid];
  if (!hash && (alg.oid === RSA_ENCRYPTION || alg.oid === EC_PUBLIC_KEY)) hash = digestHint;
  if (alg.oid === ED25519) return verify(null, Buffer.concat(data), key, signature);
  if (alg.oid === RSA_PSS) {
    const p = pssParams(alg);
    return streamVerify(
      p.hash,
      data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: p.saltLength },
      signature,
    );
  }
  if (!hash) throw new UnsupportedAlgorithmError(alg.oid);
  const keyType = key.asymmetricKeyType;
  if (keyType === 'rsa' || keyType === 'rsa-pss') {
    return streamVerify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  }
  return streamVerify(hash, data, { key }, signature);
}

function streamVerify(
  hash: string,
  data: readonly Buffer[],
  key: { key: KeyObject; padding?: number; saltLength?: number },
  signature: Buffer,
): boolean {
  try {
    const v = createVerify(hash);
    for (const part of data) v.update(part);
    return v.verify(key, signature);
  } catch {
    // a malformed signature value (e.g. bad ECDSA DER) is a failed verification, not a crash
    return false;
  }
}

function pssParams(alg: AlgorithmIdentifier): { hash: string; saltLength: number } {
  let hash = 'sha1';
  let saltLength = 20;
  for (const kid of alg.params?.children ?? []) {
    const inner = kid.child(0);
    if (kid.tag === 0xa0) hash = DIGEST_BY_OID[readAlgorithmIdentifier(inner).oid] ?? 'unknown';
    if (kid.tag === 0xa1) {
      const mgf = readAlgorithmIdentifier(inner);
      const mgfHash = mgf.params ? DIGEST_BY_OID[readAlgorithmIdentifier(mgf.params).oid] : 'sha1';
      // node:crypto uses MGF1 with the message digest; other combinations cannot be checked here
      if (mgf.oid !== MGF1 || mgfHash !== hash)
        throw new UnsupportedAlgorithmError(`${RSA_PSS} (MGF ${mgfHash})`);
    }
    if (kid.tag === 0xa2) saltLength = readSmallInteger(inner);
  }
  return { hash, saltLength };
}
