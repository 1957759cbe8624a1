import { createCipheriv, createHash, createHmac, pbkdf2Sync, randomBytes, type KeyObject } from 'node:crypto';
import { der } from '../cms/der';
import { pkcs12Kdf } from './pkcs12-kdf';
import { PKCS12_OIDS } from './pkcs12-oids';

export interface Pkcs12Contents {
  /** Omit to write a certificates-only file. */
  readonly privateKey?: KeyObject;
  readonly certificate: Buffer;
  /** Certificates above the signer, issuing CA first. */
  readonly chain?: readonly Buffer[];
  readonly passphrase: string;
  readonly friendlyName?: string;
  /** PBKDF2 and MAC iterations; OpenSSL's default 2048 unless told. */
  readonly iterations?: number;
}

/**
 * Writes a PKCS#12 file the way OpenSSL 3 does by default: key and certificates encrypted with PBES2
 * (PBKDF2-HMAC-SHA256, AES-256-CBC) and a SHA-256 MAC. Node encrypts the PKCS#8 key itself; the
 * certificate bag is encrypted here with the same scheme.
 */
export function writePkcs12(contents: Pkcs12Contents): Buffer {
  const iterations = contents.iterations ?? 2048;
  const localKeyId = createHash('sha1').update(contents.certificate).digest();
  const signerAttributes = der.setOf(
    ...[
      attribute(PKCS12_OIDS.localKeyId, der.octetString(localKeyId)),
      ...(contents.friendlyName
        ? [attribute(PKCS12_OIDS.friendlyName, der.bmpString(contents.friendlyName))]
        : []),
    ],
  );
  const certBags = [contents.certificate, ...(contents.chain ?? [])].map((cert, index) =>
    safeBag(
      PKCS12_OIDS.certBag,
      der.sequence(der.oid(PKCS12_OIDS.x509Certificate), der.contextConstructed(0, der.octetString(cert))),
      index === 0 && contents.privateKey ? signerAttributes : undefined,
    ),
  );
  const safes = [encryptedDataContentInfo(der.sequence(...certBags), contents.passphrase, iterations)];
  if (contents.privateKey) {
    const encryptedKey = contents.privateKey.export({
      type: 'pkcs8',
      format: 'der',
      cipher: 'aes-256-cbc',
      passphrase: contents.passphrase,
    });
    const keyBag = safeBag(PKCS12_OIDS.pkcs8ShroudedKeyBag, encryptedKey, signerAttributes);
    safes.push(dataContentInfo(der.sequence(keyBag)));
  }
  const authenticatedSafe = der.sequence(...safes);

  const macSalt = randomBytes(8);
  const macKey = pkcs12Kdf(contents.passphrase, macSalt, 3, iterations, 32, 'sha256');
  const mac = createHmac('sha256', macKey).update(authenticatedSafe).digest();
  const macData = der.sequence(
    der.sequence(der.algorithm('2.16.840.1.101.3.4.2.1', der.null()), der.octetString(mac)),
    der.octetString(macSalt),
    der.integer(iterations),
  );
  return der.sequence(der.integer(3), dataContentInfo(authenticatedSafe), macData);
}

function attribute(oid: string, value: Buffer): Buffer {
  return der.sequence(der.oid(oid), der.setOf(value));
}

function safeBag(bagId: string, value: Buffer, attributes?: Buffer): Buffer {
  return attributes
    ? der.sequence(der.oid(bagId), der.contextConstructed(0, value), attributes)
    : der.sequence(der.oid(bagId), der.contextConstructed(0, value));
}

function dataContentInfo(content: Buffer): Buffer {
  return der.sequence(der.oid(PKCS12_OIDS.data), der.contextConstructed(0, der.octetString(content)));
}

function encryptedDataContentInfo(content: Buffer, passphrase: string, iterations: number): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  // PBES2 takes the password as its UTF-8 bytes (RFC 8018), unlike the BMPString of the PKCS#12 KDF.
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(content), cipher.final()]);
  const algorithm = der.algorithm(
    PKCS12_OIDS.pbes2,
    der.sequence(
      der.algorithm(
        PKCS12_OIDS.pbkdf2,
        der.sequence(
          der.octetString(salt),
          der.integer(iterations),
          der.algorithm(PKCS12_OIDS.hmacWithSha256, der.null()),
        ),
      ),
      der.algorithm(PKCS12_OIDS.aes256Cbc, der.octetString(iv)),
    ),
  );
  const encryptedData = der.sequence(
    der.integer(0),
    der.sequence(der.oid(PKCS12_OIDS.data), algorithm, der.contextPrimitive(0, encrypted)),
  );
  return der.sequence(der.oid(PKCS12_OIDS.encryptedData), der.contextConstructed(0, encryptedData));
}
