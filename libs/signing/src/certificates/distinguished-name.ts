import { DerNode } from '../asn1/der-node';
import { readOid, readText, TAG } from '../asn1/der-values';
import { NAME_ATTRIBUTE_OIDS, type NameAttributeType } from './x509-oids';

export interface NameAttribute {
  /** Short label (CN, O, OU, T, UID, …) or the dotted OID when we have no label for it. */
  readonly type: NameAttributeType | string;
  readonly oid: string;
  readonly value: string;
  /** The value is not a string and `value` is `#` and the hex of its encoding (printed unescaped). */
  readonly hex?: true;
}

/** A Name as read from a certificate: its attributes in encoded order and its RFC 4514 text. */
export interface DistinguishedName {
  /** RFC 4514 order, most specific first: `CN=Nguyễn Văn A, T=Chủ tịch, O=UBND tỉnh X, C=VN`. */
  readonly text: string;
  readonly attributes: readonly NameAttribute[];
  readonly commonName?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
}

const LABEL_BY_OID = new Map<string, string>(
  Object.entries(NAME_ATTRIBUTE_OIDS).map(([label, oid]) => [
    oid,
    label === 'serialNumber' ? 'SERIALNUMBER' : label,
  ]),
);

/** The ASN.1 string types a DirectoryString or other name value can use (X.520). */
const STRING_TAGS = new Set([0x0c, 0x12, 0x13, 0x14, 0x15, 0x16, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e]);

/**
 * The one reader of X.509 Names, for the certificates the signer and the trust store show
 * (`parseCertificate`) and those the verifier chains (`ParsedCertificate`), so both print a name
 * the same way. Reads the DER strictly (SEQUENCE OF SET OF SEQUENCE { OID, value }).
 */
export function readName(node: DerNode): DistinguishedName {
  const attributes = readNameAttributes(node);
  return {
    text: formatNameAttributes(attributes),
    attributes,
    commonName: nameValue(attributes, 'CN'),
    organization: nameValue(attributes, 'O'),
    organizationalUnit: nameValue(attributes, 'OU'),
  };
}

/** Attributes in encoded order (country first as CAs write them). Strings keep their Vietnamese diacritics. */
export function readNameAttributes(node: DerNode): NameAttribute[] {
  const attributes: NameAttribute[] = [];
  for (const rdn of node.expect(TAG.SEQUENCE).children) {
    for (const atv of rdn.expect(TAG.SET).children) {
      atv.expect(TAG.SEQUENCE);
      const oid = readOid(atv.child(0));
      const type = LABEL_BY_OID.get(oid) ?? oid;
      const value = atv.child(1);
      // a string as text; any other value as `#` and the hex of its whole encoding (RFC 4514 2.4)
      if (STRING_TAGS.has(value.tag)) attributes.push({ type, oid, value: readText(value) });
      else attributes.push({ type, oid, value: `#${value.raw.toString('hex')}`, hex: true });
    }
  }
  return attributes;
}

/**
 * RFC 4514 style, most specific first. Values are not percent- or hex-escaped so that names stay
 * readable; only the separators are escaped.
 */
export function formatNameAttributes(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((attr) => `${attr.type}=${attr.hex ? attr.value : escapeValue(attr.value)}`)
    .join(', ');
}

/** First value of one attribute type (e.g. `CN`), if present. */
export function nameValue(attributes: readonly NameAttribute[], type: NameAttributeType): string | undefined {
  return attributes.find((attr) => attr.oid === NAME_ATTRIBUTE_OIDS[type])?.value;
}

function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}
