import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { AlgorithmIdentifier, readAlgorithmIdentifier } from '../../asn1/algorithm-identifier';
import { DerNode } from '../../asn1/der-node';
import { readBitString, readIntegerHex, readOid, readTime, TAG } from '../../asn1/der-values';
import { OID } from '../../asn1/oids';
import { type DistinguishedName, readName } from '../../certificates/distinguished-name';
import { IssuerSignatureCheck } from './issuer-signature-check';

/**
 * An X.509 certificate read once into the fields chain building needs. Names and serials are kept
 * as raw DER so matching is byte-exact, as RFC 5280 name chaining expects for conforming CAs.
 */
export class ParsedCertificate {
  readonly tbs: Buffer;
  readonly serialHex: string;
  /** the INTEGER contents octets of the serial number, as encoded */
  readonly serialRaw: Buffer;
  readonly issuerRaw: Buffer;
  readonly subjectRaw: Buffer;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly spki: Buffer;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Buffer;
  subjectKeyId?: Buffer;
  authorityKeyId?: Buffer;
  isCa = false;
  /** keyUsage bits as a number (bit 0 = digitalSignature … bit 6 = keyCertSign), undefined when absent */
  keyUsage?: number;
  extendedKeyUsage: string[] = [];
  crlUrls: string[] = [];
  ocspUrls: string[] = [];
  private key?: KeyObject;
  private digests = new Map<string, Buffer>();
  private readonly issuerSignature: IssuerSignatureCheck;

  constructor(readonly der: Buffer) {
    const root = DerNode.parse(der).expect(TAG.SEQUENCE);
    const tbs = root.child(0).expect(TAG.SEQUENCE);
    this.tbs = tbs.raw;
    this.signatureAlgorithm = readAlgorithmIdentifier(root.child(1));
    this.signature = readBitString(root.child(2));
    this.issuerSignature = new IssuerSignatureCheck(this.signatureAlgorithm, this.tbs, this.signature);
    const f = tbs.children;
    let i = f[0].tag === 0xa0 ? 1 : 0;
    this.serialRaw = f[i].value;
    this.serialHex = readIntegerHex(f[i++]);
    i++; // inner signature algorithm
    this.issuerRaw = f[i].raw;
    this.issuer = readName(f[i++]);
    const validity = f[i++];
    this.notBefore = readTime(validity.child(0));
    this.notAfter = readTime(validity.child(1));
    this.subjectRaw = f[i].raw;
    this.subject = readName(f[i++]);
    this.spki = f[i++].raw;
    const extWrapper = f.slice(i).find((n) => n.tag === 0xa3);
    if (extWrapper) this.readExtensions(extWrapper.child(0));
  }

  /** the DER bytes as given, or PEM text converted */
  static from(input: Buffer): ParsedCertificate[] {
    const text = input.subarray(0, 64).toString('latin1');
    if (!text.includes('-----BEGIN')) return [new ParsedCertificate(input)];
    const blocks =
      input.toString('latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map(
      (b) => new ParsedCertificate(Buffer.from(b.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64')),
    );
  }

  get publicKey(): KeyObject {
    this.key ??= createPublicKey({ key: this.spki, format: 'der', type: 'spki' });
    return this.key;
  }

  digest(algorithm: string): Buffer {
    let d = this.digests.get(algorithm);
    if (!d) {
      d = createHash(algorithm).update(this.der).digest();
      this.digests.set(algorithm, d);
    }
    return d;
  }

  /** SHA-1 of the subjectPublicKey BIT STRING contents (OCSP issuerKeyHash, RFC 5280 key ids) */
  get publicKeyHashSha1(): Buffer {
    let d = this.digests.get('spki-sha1');
    if (!d) {
      const bits = readBitString(DerNode.parse(this.spki).child(1));
      d = createHash('sha1').update(bits).digest();
      this.digests.set('spki-sha1', d);
    }
    return d;
  }

  sameAs(other: ParsedCertificate): boolean {
    return this === other || this.der.equals(other.der);
  }

  /** whether `issuer`'s name and key identifiers fit as the issuer of this certificate (no signature check) */
  couldBeIssuedBy(issuer: ParsedCertificate): boolean {
    if (!this.issuerRaw.equals(issuer.subjectRaw)) return false;
    return !this.authorityKeyId || !issuer.subjectKeyId || this.authorityKeyId.equals(issuer.subjectKeyId);
  }

  isSignedBy(issuer: ParsedCertificate): boolean {
    return this.issuerSignature.signedBy(issuer);
  }

  get selfIssued(): boolean {
    return this.issuerRaw.equals(this.subjectRaw);
  }

  private readExtensions(list: DerNode): void {
    for (const ext of list.children) {
      const oid = readOid(ext.child(0));
      const value = DerNode.parse(ext.children[ext.children.length - 1].value);
      switch (oid) {
        case OID.subjectKeyIdentifier:
          this.subjectKeyId = value.value;
          break;
        case OID.authorityKeyIdentifier:
          this.authorityKeyId = value.find(0x80)?.value;
          break;
        case OID.basicConstraints:
          this.isCa = value.children[0]?.tag === TAG.BOOLEAN && value.children[0].value[0] !== 0;
          break;
        case OID.keyUsage: {
          const bits = readBitString(value);
          this.keyUsage = ((bits[0] ?? 0) << 1) | ((bits[1] ?? 0) >> 7);
          break;
        }
        case OID.extKeyUsage:
          this.extendedKeyUsage = value.children.map(readOid);
          break;
        case OID.crlDistributionPoints:
          this.crlUrls = readDistributionPointUrls(value);
          break;
        case OID.authorityInfoAccess:
          for (const ad of value.children) {
            const loc = ad.child(1);
            if (readOid(ad.child(0)) === OID.accessOcsp && loc.tag === 0x86)
              this.ocspUrls.push(loc.value.toString('latin1'));
          }
          break;
      }
    }
  }
}

/** keyUsage bit masks in the numbering of readExtensions (bit 0 = MSB of the first octet) */
export const KEY_USAGE = {
  digitalSignature: 1 << 8,
  nonRepudiation: 1 << 7,
  keyCertSign: 1 << 3,
  cRLSign: 1 << 2,
} as const;

function readDistributionPointUrls(value: DerNode): string[] {
  const urls: string[] = [];
  for (const dp of value.children) {
    const name = dp.find(0xa0); // distributionPoint
    const full = name?.find(0xa0); // fullName GeneralNames
    for (const gn of full?.children ?? []) if (gn.tag === 0x86) urls.push(gn.value.toString('latin1'));
  }
  return urls;
}
