import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingError } from '../signing.errors';
import { DerNode } from '../asn1/der-node';
import { type DistinguishedName, type NameAttribute, readName } from './distinguished-name';
import { toDer } from './pem';
import {
  ACCESS_METHOD_OIDS,
  EXTENDED_KEY_USAGE_OIDS,
  EXTENSION_OIDS,
  KEY_USAGE_BITS,
  type KeyUsageName,
} from './x509-oids';

/** What the rest of vanthu needs to know about a certificate, read once with pkijs. */
export interface CertificateInfo {
  readonly der: Buffer;
  /** RFC 4514 order, diacritics intact: `CN=Nguyễn Văn A, T=Chủ tịch, O=…, C=VN`. */
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAttributes: readonly NameAttribute[];
  readonly issuerAttributes: readonly NameAttribute[];
  /** Lowercase hex without the DER sign byte. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Undefined when the certificate has no KeyUsage extension (no restriction, RFC 5280 4.2.1.3). */
  readonly keyUsage: readonly KeyUsageName[] | undefined;
  /** Known purposes by name (`timeStamping`, `emailProtection`, …), others as dotted OIDs. */
  readonly extendedKeyUsage: readonly string[] | undefined;
  readonly isCa: boolean;
  readonly crlDistributionPoints: readonly string[];
  readonly ocspUrls: readonly string[];
  readonly caIssuersUrls: readonly string[];
  readonly subjectKeyIdentifier: string | undefined;
  readonly authorityKeyIdentifier: string | undefined;
  /** `rsa`, `ec`, or the dotted OID of another key algorithm. */
  readonly publicKeyAlgorithm: string;
  readonly sha256Fingerprint: string;
  /** The parsed pkijs object, for callers that need more. */
  readonly pkijs: pkijs.Certificate;
}

const EKU_NAME_BY_OID = new Map<string, string>(
  Object.entries(EXTENDED_KEY_USAGE_OIDS).map(([n, o]) => [o, n]),
);

/** Parses a certificate from DER or PEM; CERT_MALFORMED when it is neither. */
export function parseCertificate(input: Buffer | string): CertificateInfo {
  const der = toDer(input);
  let cert: pkijs.Certificate;
  let names: { issuer: DistinguishedName; subject: DistinguishedName };
  try {
    cert = pkijs.Certificate.fromBER(der);
    names = readNames(der);
  } catch {
    throw signingError('CERT_MALFORMED');
  }
  const ext = (oid: string): pkijs.Extension | undefined => cert.extensions?.find((e) => e.extnID === oid);
  const aia = accessLocations(ext(EXTENSION_OIDS.authorityInfoAccess));
  const keyAlgorithm = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  return {
    der,
    subject: names.subject.text,
    issuer: names.issuer.text,
    subjectAttributes: names.subject.attributes,
    issuerAttributes: names.issuer.attributes,
    serialNumber: serialHex(cert.serialNumber),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    keyUsage: keyUsage(ext(EXTENSION_OIDS.keyUsage)),
    extendedKeyUsage: extendedKeyUsage(ext(EXTENSION_OIDS.extKeyUsage)),
    isCa: isCa(ext(EXTENSION_OIDS.basicConstraints)),
    crlDistributionPoints: crlDistributionPoints(ext(EXTENSION_OIDS.crlDistributionPoints)),
    ocspUrls: aia.filter((a) => a.method === ACCESS_METHOD_OIDS.ocsp).map((a) => a.url),
    caIssuersUrls: aia.filter((a) => a.method === ACCESS_METHOD_OIDS.caIssuers).map((a) => a.url),
    subjectKeyIdentifier: octetHex(ext(EXTENSION_OIDS.subjectKeyIdentifier)),
    authorityKeyIdentifier: authorityKeyIdentifier(ext(EXTENSION_OIDS.authorityKeyIdentifier)),
    publicKeyAlgorithm:
      keyAlgorithm === '1.2.840.113549.1.1.1'
        ? 'rsa'
        : keyAlgorithm === '1.2.840.10045.2.1'
          ? 'ec'
          : keyAlgorithm,
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
    pkijs: cert,
  };
}

/** Issuer and subject by the one Name reader the verifier uses too (TBSCertificate fields 3 and 5). */
function readNames(der: Buffer): { issuer: DistinguishedName; subject: DistinguishedName } {
  const fields = DerNode.parse(der).child(0).children;
  const first = fields[0].tag === 0xa0 ? 1 : 0; // [0] version is optional
  return { issuer: readName(fields[first + 2]), subject: readName(fields[first + 4]) };
}

export function serialHex(serial: asn1js.Integer): string {
  const bytes = Buffer.from(serial.valueBlock.valueHexView);
  const start = bytes.length > 1 && bytes[0] === 0 ? 1 : 0;
  return bytes.subarray(start).toString('hex');
}

/** The extension value as the given pkijs class, decoding it when pkijs did not do it already. */
function parsed<T extends pkijs.PkiObject>(
  extension: pkijs.Extension,
  type: (new (...args: never[]) => T) & { fromBER(raw: Uint8Array): pkijs.PkiObject },
): T {
  const value = extension.parsedValue as unknown;
  return value instanceof type ? value : (type.fromBER(extension.extnValue.valueBlock.valueHexView) as T);
}

function keyUsage(extension: pkijs.Extension | undefined): KeyUsageName[] | undefined {
  if (!extension) return undefined;
  const decoded = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result;
  if (!(decoded instanceof asn1js.BitString)) throw signingError('CERT_MALFORMED');
  const bytes = decoded.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter(
    (_, bit) => bit >> 3 < bytes.length && (bytes[bit >> 3] & (0x80 >> (bit & 7))) !== 0,
  );
}

function extendedKeyUsage(extension: pkijs.Extension | undefined): string[] | undefined {
  if (!extension) return undefined;
  const eku = parsed(extension, pkijs.ExtKeyUsage);
  return eku.keyPurposes.map((oid) => EKU_NAME_BY_OID.get(oid) ?? oid);
}

function isCa(extension: pkijs.Extension | undefined): boolean {
  if (!extension) return false;
  return parsed(extension, pkijs.BasicConstraints).cA;
}

function crlDistributionPoints(extension: pkijs.Extension | undefined): string[] {
  if (!extension) return [];
  const points = parsed(extension, pkijs.CRLDistributionPoints);
  return points.distributionPoints.flatMap((point) =>
    Array.isArray(point.distributionPoint) ? uris(point.distributionPoint) : [],
  );
}

function accessLocations(extension: pkijs.Extension | undefined): { method: string; url: string }[] {
  if (!extension) return [];
  const access = parsed(extension, pkijs.InfoAccess);
  return access.accessDescriptions.flatMap((d) =>
    uris([d.accessLocation]).map((url) => ({ method: d.accessMethod, url })),
  );
}

function uris(names: pkijs.GeneralName[]): string[] {
  return names.filter((n) => n.type === 6 && typeof n.value === 'string').map((n) => n.value as string);
}

function octetHex(extension: pkijs.Extension | undefined): string | undefined {
  if (!extension) return undefined;
  const decoded = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result;
  return decoded instanceof asn1js.OctetString
    ? Buffer.from(decoded.valueBlock.valueHexView).toString('hex')
    : undefined;
}

function authorityKeyIdentifier(extension: pkijs.Extension | undefined): string | undefined {
  if (!extension) return undefined;
  const aki = parsed(extension, pkijs.AuthorityKeyIdentifier);
  return aki.keyIdentifier
    ? Buffer.from(aki.keyIdentifier.valueBlock.valueHexView).toString('hex')
    : undefined;
}
