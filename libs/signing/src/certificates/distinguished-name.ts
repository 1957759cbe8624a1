import type * as pkijs from 'pkijs';
import { NAME_ATTRIBUTE_OIDS, type NameAttributeType } from './x509-oids';

export interface NameAttribute {
  /** Short label (CN, O, OU, T, UID, …) or the dotted OID when we have no label for it. */
  readonly type: NameAttributeType | string;
  readonly oid: string;
  readonly value: string;
}

const LABEL_BY_OID = new Map<string, string>(
  Object.entries(NAME_ATTRIBUTE_OIDS).map(([label, oid]) => [
    oid,
    label === 'serialNumber' ? 'SERIALNUMBER' : label,
  ]),
);

/** Attributes in encoded order (country first as CAs write them). Strings keep their Vietnamese diacritics. */
export function nameAttributes(name: pkijs.RelativeDistinguishedNames): NameAttribute[] {
  return name.typesAndValues.map((atv) => ({
    type: LABEL_BY_OID.get(atv.type) ?? atv.type,
    oid: atv.type,
    value: attributeValueString(atv.value),
  }));
}

/**
 * RFC 4514 style, most specific first: `CN=Nguyễn Văn A, T=Chủ tịch, O=UBND tỉnh X, C=VN`.
 * Values are not percent- or hex-escaped so that names stay readable; only the separators are escaped.
 */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return formatNameAttributes(nameAttributes(name));
}

export function formatNameAttributes(attributes: readonly NameAttribute[]): string {
  return [...attributes]
    .reverse()
    .map((attr) => `${attr.type}=${escapeValue(attr.value)}`)
    .join(', ');
}

/** First value of one attribute type (e.g. `CN`), if present. */
export function nameValue(attributes: readonly NameAttribute[], type: NameAttributeType): string | undefined {
  return attributes.find((attr) => attr.oid === NAME_ATTRIBUTE_OIDS[type])?.value;
}

function attributeValueString(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown; valueHexView?: Uint8Array } }).valueBlock;
  if (typeof block?.value === 'string') return block.value;
  if (block?.valueHexView) return `#${Buffer.from(block.valueHexView).toString('hex')}`;
  return '';
}

function escapeValue(value: string): string {
  return value
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}
