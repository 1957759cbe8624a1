import { createHash } from 'node:crypto';
import { CMS_OIDS } from './cms-oids';

/** The digest algorithms a PAdES signature may use (ETSI TS 119 312 excludes SHA-1). */
export type DigestAlgorithmName = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface DigestAlgorithmInfo {
  readonly name: DigestAlgorithmName;
  readonly oid: string;
  /** Name understood by node:crypto (`createHash`, `sign`). */
  readonly nodeName: 'sha256' | 'sha384' | 'sha512';
  readonly length: number;
}

const DIGESTS: Record<DigestAlgorithmName, DigestAlgorithmInfo> = {
  'SHA-256': { name: 'SHA-256', oid: CMS_OIDS.sha256, nodeName: 'sha256', length: 32 },
  'SHA-384': { name: 'SHA-384', oid: CMS_OIDS.sha384, nodeName: 'sha384', length: 48 },
  'SHA-512': { name: 'SHA-512', oid: CMS_OIDS.sha512, nodeName: 'sha512', length: 64 },
};

export function digestAlgorithmInfo(name: DigestAlgorithmName): DigestAlgorithmInfo {
  const info = DIGESTS[name];
  if (!info) throw new TypeError(`unsupported digest algorithm ${String(name)}`);
  return info;
}

/** The digest algorithm with this OID, or undefined when it is not one we accept. */
export function digestAlgorithmByOid(oid: string): DigestAlgorithmInfo | undefined {
  return Object.values(DIGESTS).find((info) => info.oid === oid);
}

export function digest(name: DigestAlgorithmName, data: Buffer | Uint8Array): Buffer {
  return createHash(digestAlgorithmInfo(name).nodeName).update(data).digest();
}
