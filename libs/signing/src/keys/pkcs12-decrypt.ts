import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import forge from 'node-forge';
import { child, children, integer, octets, oidOf, parse, Pkcs12OpenError, type Node } from './pkcs12-asn1';
import { PKCS12_OIDS } from './pkcs12-oids';

/** forge's PBE helpers are not in its type definitions. */
interface ForgePbe {
  getCipher(oid: string, params: Node, password: string): forge.cipher.BlockCipher;
}
const pbe = (forge.pki as unknown as { pbe: ForgePbe }).pbe;

const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  [PKCS12_OIDS.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
const PBKDF2_PRFS: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  [PKCS12_OIDS.hmacWithSha256]: 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/**
 * Decrypts a password-protected PKCS#12 payload (an encrypted safe or a shrouded key bag).
 * PBES2 (what OpenSSL 3 and current Windows write) runs on Node's native PBKDF2 and ciphers: forge's
 * pure-JavaScript PBKDF2 takes ~50 ms per bag. The legacy PKCS#12 PBEs (3DES, RC2-40) go to
 * node-forge, which still implements RC2 where OpenSSL 3 moved it to the legacy provider.
 * The result must parse as DER: without a MAC, that is how a wrong password shows.
 */
export function decryptPkcs12Payload(algorithm: Node, ciphertext: Buffer, passphrase: string): Buffer {
  const oid = oidOf(child(algorithm, 0));
  const plain =
    oid === PKCS12_OIDS.pbes2
      ? decryptPbes2(child(algorithm, 1), ciphertext, passphrase)
      : decryptLegacy(oid, child(algorithm, 1), ciphertext, passphrase);
  try {
    parse(plain);
  } catch {
    throw new Pkcs12OpenError('password');
  }
  return plain;
}

function decryptPbes2(params: Node, ciphertext: Buffer, passphrase: string): Buffer {
  const kdf = child(params, 0);
  const scheme = child(params, 1);
  if (oidOf(child(kdf, 0)) !== PKCS12_OIDS.pbkdf2) throw new Pkcs12OpenError('malformed');
  const cipher = PBES2_CIPHERS[oidOf(child(scheme, 0))];
  if (!cipher) throw new Pkcs12OpenError('malformed');
  const kdfParams = children(child(kdf, 1));
  const salt = octets(kdfParams[0]);
  const iterations = integer(child(child(kdf, 1), 1));
  // optional keyLength INTEGER, then optional prf AlgorithmIdentifier (default hmacWithSHA1)
  const prfNode = kdfParams.slice(2).find((n) => Array.isArray(n.value));
  const prf = prfNode ? PBKDF2_PRFS[oidOf(child(prfNode, 0))] : 'sha1';
  if (!prf) throw new Pkcs12OpenError('malformed');
  // RFC 8018 takes the password as octets; OpenSSL and Windows use its UTF-8 bytes
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, cipher.keyLength, prf);
  try {
    const decipher = createDecipheriv(cipher.name, key, octets(child(scheme, 1)));
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new Pkcs12OpenError('password');
  }
}

function decryptLegacy(oid: string, params: Node, ciphertext: Buffer, passphrase: string): Buffer {
  let cipher: forge.cipher.BlockCipher;
  try {
    // forge turns the JavaScript string into the BMPString the PKCS#12 KDF wants
    cipher = pbe.getCipher(oid, params, passphrase);
  } catch {
    throw new Pkcs12OpenError('malformed');
  }
  cipher.update(forge.util.createBuffer(ciphertext.toString('binary')));
  if (!cipher.finish()) throw new Pkcs12OpenError('password');
  return Buffer.from(cipher.output.getBytes(), 'binary');
}
