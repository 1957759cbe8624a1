import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  child,
  children,
  integer,
  octets,
  oidOf,
  parse,
  Pkcs12OpenError,
  toDer,
  type Node,
} from './pkcs12-asn1';
import { decryptPkcs12Payload } from './pkcs12-decrypt';
import { pkcs12Kdf } from './pkcs12-kdf';
import { PKCS12_OIDS } from './pkcs12-oids';

export { Pkcs12OpenError } from './pkcs12-asn1';

/** What a PKCS#12 file holds once opened: decrypted PKCS#8 keys and certificates, all as DER. */
export interface Pkcs12Bags {
  readonly privateKeys: Buffer[];
  readonly certificates: Buffer[];
}

const MAC_HASHES: Record<string, 'sha1' | 'sha256' | 'sha384' | 'sha512'> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * Walks a PFX with node-forge's ASN.1 reader: checks the MAC, decrypts the encrypted safes and
 * shrouded key bags, and keeps the exact DER of every certificate (forge's own pkcs12 reader
 * re-encodes certificates and cannot handle EC keys).
 */
export function openPkcs12(data: Buffer, passphrase: string): Pkcs12Bags {
  const pfx = parse(data);
  const authSafe = child(pfx, 1);
  if (oidOf(child(authSafe, 0)) !== PKCS12_OIDS.data) throw new Pkcs12OpenError('malformed');
  const authSafeBytes = octets(child(child(authSafe, 1), 0));
  const macData = (pfx.value as Node[])[2];
  if (macData) verifyMac(macData, authSafeBytes, passphrase);

  const bags: Pkcs12Bags = { privateKeys: [], certificates: [] };
  for (const contentInfo of children(parse(authSafeBytes))) {
    const type = oidOf(child(contentInfo, 0));
    const content = child(child(contentInfo, 1), 0);
    if (type === PKCS12_OIDS.data) readSafeContents(parse(octets(content)), passphrase, bags);
    else if (type === PKCS12_OIDS.encryptedData)
      readSafeContents(parse(decryptData(content, passphrase)), passphrase, bags);
    // enveloped (public-key protected) safes are not something a signing key file uses; skip them
  }
  return bags;
}

function verifyMac(macData: Node, authSafeBytes: Buffer, passphrase: string): void {
  const digestInfo = child(macData, 0);
  const hash = MAC_HASHES[oidOf(child(child(digestInfo, 0), 0))];
  if (!hash) throw new Pkcs12OpenError('malformed');
  const expected = octets(child(digestInfo, 1));
  const salt = octets(child(macData, 1));
  const iterationsNode = (macData.value as Node[])[2];
  const iterations = iterationsNode ? integer(iterationsNode) : 1;
  const length = expected.length;
  const matches = (password: string | null): boolean => {
    const key = pkcs12Kdf(password, salt, 3, iterations, length, hash);
    const actual = createHmac(hash, key).update(authSafeBytes).digest();
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  // Some tools MAC an empty password as zero bytes rather than a BMPString NUL (RFC 7292 B.1 allows both).
  if (!matches(passphrase) && !(passphrase === '' && matches(null))) throw new Pkcs12OpenError('password');
}

function readSafeContents(safeContents: Node, passphrase: string, bags: Pkcs12Bags): void {
  for (const bag of children(safeContents)) {
    const bagId = oidOf(child(bag, 0));
    const value = child(child(bag, 1), 0);
    if (bagId === PKCS12_OIDS.keyBag) bags.privateKeys.push(toDer(value));
    else if (bagId === PKCS12_OIDS.pkcs8ShroudedKeyBag) bags.privateKeys.push(decryptKey(value, passphrase));
    else if (bagId === PKCS12_OIDS.certBag && oidOf(child(value, 0)) === PKCS12_OIDS.x509Certificate) {
      bags.certificates.push(octets(child(child(value, 1), 0)));
    }
  }
}

function decryptKey(encryptedPrivateKeyInfo: Node, passphrase: string): Buffer {
  return decryptPkcs12Payload(
    child(encryptedPrivateKeyInfo, 0),
    octets(child(encryptedPrivateKeyInfo, 1)),
    passphrase,
  );
}

function decryptData(encryptedData: Node, passphrase: string): Buffer {
  const info = child(encryptedData, 1);
  return decryptPkcs12Payload(child(info, 1), octets(child(info, 2)), passphrase);
}
