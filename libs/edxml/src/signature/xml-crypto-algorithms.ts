import { createHash, createPublicKey, KeyObject, verify, type KeyLike } from 'node:crypto';
import type {
  HashAlgorithm,
  HashAlgorithmType,
  SignatureAlgorithm,
  SignatureAlgorithmType,
} from 'xml-crypto';
import { XMLDSIG } from '../model/edxml-names';
import { hashRun } from '../parse/base64-body';
import type { ReducedDocument } from '../parse/reduced-document';

type HashClass = new () => HashAlgorithm;
type SignatureClass = new () => SignatureAlgorithm;

/**
 * xml-crypto digests the canonical form of the markup in which each large attachment body is a
 * placeholder. This hash puts the bodies back while hashing: each placeholder (with the line breaks
 * it carries) is replaced by its run's text as canonicalization would have written it, read from the
 * package bytes. The canonical form of the whole package is thus hashed without ever being built.
 * Exact because a placeholder only stands for the whole text of an element, whose characters
 * (base64 and white space) canonicalization copies as they are, and because the nonce cannot occur
 * anywhere else; a placeholder met twice is refused.
 */
export function splicingHash(
  reduced: ReducedDocument,
  algorithm: 'sha256' | 'sha512',
  uri: HashAlgorithmType,
): HashClass {
  const pattern = new RegExp(`EDXMLRUN${reduced.nonce}X(\\d+)X`, 'g');
  return class SplicingHash implements HashAlgorithm {
    getAlgorithmName(): HashAlgorithmType {
      return uri;
    }

    getHash(xml: string): string {
      const hash = createHash(algorithm);
      const used = new Set<number>();
      let copied = 0;
      for (const m of xml.matchAll(pattern)) {
        const index = Number(m[1]);
        const run = reduced.runs[index];
        if (!run || used.has(index)) throw new Error('attachment placeholder out of place');
        used.add(index);
        const start = m.index - run.lineBreaks;
        if (start < copied || xml.slice(start, m.index) !== '\n'.repeat(run.lineBreaks))
          throw new Error('attachment placeholder out of place');
        hash.update(xml.slice(copied, start), 'utf8');
        hashRun(hash, reduced.source, run);
        copied = m.index + m[0].length;
      }
      hash.update(xml.slice(copied), 'utf8');
      return hash.digest('base64');
    }
  };
}

/** ECDSA of RFC 4051: the value is r‖s (IEEE P1363), not DER. xml-crypto has no ECDSA of its own. */
function ecdsa(hash: 'sha256' | 'sha512', uri: string): SignatureClass {
  return class Ecdsa implements SignatureAlgorithm {
    getSignature(): string {
      throw new Error('verification only');
    }

    verifySignature(material: string, key: KeyLike, signatureValue: string): boolean {
      const publicKey = asPublicKey(key);
      if (publicKey.asymmetricKeyType !== 'ec') return false;
      return verify(
        hash,
        Buffer.from(material, 'utf8'),
        { key: publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signatureValue, 'base64'),
      );
    }

    getAlgorithmName(): SignatureAlgorithmType {
      return uri as SignatureAlgorithmType;
    }
  };
}

/** RSA PKCS#1 v1.5 that only accepts an RSA key (xml-crypto's would hand any key to node). */
function rsa(hash: 'sha256' | 'sha512', uri: string): SignatureClass {
  return class Rsa implements SignatureAlgorithm {
    getSignature(): string {
      throw new Error('verification only');
    }

    verifySignature(material: string, key: KeyLike, signatureValue: string): boolean {
      const publicKey = asPublicKey(key);
      if (publicKey.asymmetricKeyType !== 'rsa') return false;
      return verify(hash, Buffer.from(material, 'utf8'), publicKey, Buffer.from(signatureValue, 'base64'));
    }

    getAlgorithmName(): SignatureAlgorithmType {
      return uri as SignatureAlgorithmType;
    }
  };
}

function asPublicKey(key: KeyLike): KeyObject {
  return key instanceof KeyObject ? key : createPublicKey(key);
}

/** The signature algorithms an envelope may use; SHA-1 ones are legacy and never verified. */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, SignatureClass>> = {
  [XMLDSIG.rsaSha256]: rsa('sha256', XMLDSIG.rsaSha256),
  [XMLDSIG.rsaSha512]: rsa('sha512', XMLDSIG.rsaSha512),
  [XMLDSIG.ecdsaSha256]: ecdsa('sha256', XMLDSIG.ecdsaSha256),
  [XMLDSIG.ecdsaSha512]: ecdsa('sha512', XMLDSIG.ecdsaSha512),
};

export const DIGEST_ALGORITHMS = { [XMLDSIG.sha256]: 'sha256', [XMLDSIG.sha512]: 'sha512' } as const;
