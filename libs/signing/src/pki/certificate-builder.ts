import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  ACCESS_METHOD_OIDS,
  EXTENDED_KEY_USAGE_OIDS,
  EXTENSION_OIDS,
  KEY_USAGE_BITS,
  type ExtendedKeyUsageName,
  type KeyUsageName,
} from '../certificates/x509-oids';
import {
  buildName,
  extension,
  keyIdentifier,
  x509Sign,
  x509SignatureAlgorithm,
  x509Time,
  type NameSpec,
} from './x509-signer';

export interface CertificateSpec {
  readonly subject: NameSpec;
  readonly publicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The CA that signs; without `certificate` the certificate is self-signed with `privateKey`. */
  readonly signer: { readonly privateKey: KeyObject; readonly certificate?: Buffer };
  /** Positive, at most 20 bytes; random 16 bytes when absent. */
  readonly serialNumber?: Buffer;
  /** Marks a CA; `pathLength` limits the CAs below it. */
  readonly ca?: { readonly pathLength?: number };
  readonly keyUsage: readonly KeyUsageName[];
  readonly extendedKeyUsage?: readonly ExtendedKeyUsageName[];
  readonly extendedKeyUsageCritical?: boolean;
  readonly crlDistributionPoints?: readonly string[];
  readonly ocspUrl?: string;
  readonly caIssuersUrl?: string;
  /** subjectAltName uniformResourceIdentifier entries (an exchange identity names its agencies so) */
  readonly subjectAltNameUris?: readonly string[];
}

/** Issues an X.509 v3 certificate (DER) with pkijs for the structure and node:crypto for the signature. */
export function issueCertificate(spec: CertificateSpec): Buffer {
  const issuerCert = spec.signer.certificate ? pkijs.Certificate.fromBER(spec.signer.certificate) : undefined;
  const spki = pkijs.PublicKeyInfo.fromBER(publicKeyDer(spec.publicKey));
  const subject = buildName(spec.subject);
  const algorithm = x509SignatureAlgorithm(spec.signer.privateKey);

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: spec.serialNumber ?? randomSerial() });
  cert.signature = algorithm;
  cert.signatureAlgorithm = algorithm;
  cert.issuer = issuerCert ? issuerCert.subject : subject;
  cert.subject = subject;
  cert.notBefore = x509Time(spec.notBefore);
  cert.notAfter = x509Time(spec.notAfter);
  cert.subjectPublicKeyInfo = spki;

  const authorityKeyId = issuerCert ? subjectKeyIdentifierOf(issuerCert) : keyIdentifier(spki);
  const extensions: pkijs.Extension[] = [
    extension(EXTENSION_OIDS.basicConstraints, true, basicConstraints(spec.ca).toSchema()),
    extension(EXTENSION_OIDS.keyUsage, true, keyUsageBits(spec.keyUsage)),
    extension(
      EXTENSION_OIDS.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: keyIdentifier(spki) }),
    ),
    extension(
      EXTENSION_OIDS.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: authorityKeyId }),
      }).toSchema(),
    ),
  ];
  if (spec.extendedKeyUsage?.length) {
    const purposes = spec.extendedKeyUsage.map((name) => EXTENDED_KEY_USAGE_OIDS[name]);
    extensions.push(
      extension(
        EXTENSION_OIDS.extKeyUsage,
        spec.extendedKeyUsageCritical ?? false,
        new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema(),
      ),
    );
  }
  if (spec.crlDistributionPoints?.length) {
    const points = spec.crlDistributionPoints.map(
      (url) =>
        new pkijs.DistributionPoint({ distributionPoint: [new pkijs.GeneralName({ type: 6, value: url })] }),
    );
    extensions.push(
      extension(
        EXTENSION_OIDS.crlDistributionPoints,
        false,
        new pkijs.CRLDistributionPoints({ distributionPoints: points }).toSchema(),
      ),
    );
  }
  if (spec.subjectAltNameUris?.length) {
    const names = spec.subjectAltNameUris.map((uri) => new pkijs.GeneralName({ type: 6, value: uri }));
    extensions.push(
      extension(EXTENSION_OIDS.subjectAltName, false, new pkijs.GeneralNames({ names }).toSchema()),
    );
  }
  const access: pkijs.AccessDescription[] = [];
  if (spec.ocspUrl) access.push(accessDescription(ACCESS_METHOD_OIDS.ocsp, spec.ocspUrl));
  if (spec.caIssuersUrl) access.push(accessDescription(ACCESS_METHOD_OIDS.caIssuers, spec.caIssuersUrl));
  if (access.length) {
    extensions.push(
      extension(
        EXTENSION_OIDS.authorityInfoAccess,
        false,
        new pkijs.InfoAccess({ accessDescriptions: access }).toSchema(),
      ),
    );
  }
  cert.extensions = extensions;

  const tbs = Buffer.from(cert.encodeTBS().toBER());
  cert.signatureValue = new asn1js.BitString({ valueHex: x509Sign(tbs, spec.signer.privateKey) });
  return Buffer.from(cert.toSchema(true).toBER());
}

export function subjectKeyIdentifierOf(cert: pkijs.Certificate): Buffer {
  const ski = cert.extensions?.find((e) => e.extnID === EXTENSION_OIDS.subjectKeyIdentifier);
  if (ski) {
    const parsed = asn1js.fromBER(ski.extnValue.valueBlock.valueHexView);
    if (parsed.result instanceof asn1js.OctetString)
      return Buffer.from(parsed.result.valueBlock.valueHexView);
  }
  return keyIdentifier(cert.subjectPublicKeyInfo);
}

function publicKeyDer(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'der' });
}

function basicConstraints(ca: CertificateSpec['ca']): pkijs.BasicConstraints {
  if (!ca) return new pkijs.BasicConstraints({ cA: false });
  return ca.pathLength === undefined
    ? new pkijs.BasicConstraints({ cA: true })
    : new pkijs.BasicConstraints({ cA: true, pathLenConstraint: ca.pathLength });
}

/** KeyUsage as a DER named-bit BIT STRING: trailing zero bits removed (X.690 11.2.2). */
function keyUsageBits(usages: readonly KeyUsageName[]): asn1js.BitString {
  const bits = usages.map((u) => KEY_USAGE_BITS.indexOf(u));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (highest & 7) });
}

function accessDescription(method: string, url: string): pkijs.AccessDescription {
  return new pkijs.AccessDescription({
    accessMethod: method,
    accessLocation: new pkijs.GeneralName({ type: 6, value: url }),
  });
}

/** 16 random bytes with the top bit clear (a positive INTEGER) and a non-zero first byte (minimal DER). */
export function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  return serial;
}
