import { createHash, sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_OIDS } from '../cms/cms-oids';
import { NAME_ATTRIBUTE_OIDS, type NameAttributeType } from '../certificates/x509-oids';

/** A distinguished name in DER order (country first, common name last), one attribute per RDN. */
export type NameSpec = readonly (readonly [NameAttributeType, string])[];

/** The algorithm a CA key signs certificates and CRLs with (SHA-256 with RSA, or ECDSA). */
export function x509SignatureAlgorithm(key: KeyObject): pkijs.AlgorithmIdentifier {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') {
    return new pkijs.AlgorithmIdentifier({
      algorithmId: CMS_OIDS.sha256WithRsa,
      algorithmParams: new asn1js.Null(),
    });
  }
  if (type === 'ec') return new pkijs.AlgorithmIdentifier({ algorithmId: CMS_OIDS.ecdsaWithSha256 });
  throw new TypeError(`CA key type ${String(type)} is not supported`);
}

export function x509Sign(tbs: Buffer, key: KeyObject): Buffer {
  return sign('sha256', tbs, key);
}

/**
 * One attribute per RDN, as CAs do. pkijs would put every attribute into a single multi-valued RDN
 * ("C=VN + O=… + CN=…"), so the sequence is encoded here and parsed back.
 */
export function buildName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  const rdns = spec.map(
    ([type, value]) =>
      new asn1js.Set({
        value: [
          new pkijs.AttributeTypeAndValue({
            type: NAME_ATTRIBUTE_OIDS[type],
            value: nameValue(type, value),
          }).toSchema(),
        ],
      }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

/** RFC 5280: PrintableString for the country, IA5String for e-mail, UTF8String (diacritics intact) otherwise. */
function nameValue(type: NameAttributeType, value: string): asn1js.BaseStringBlock {
  if (type === 'C') return new asn1js.PrintableString({ value });
  if (type === 'E') return new asn1js.IA5String({ value });
  return new asn1js.Utf8String({ value });
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
export function x509Time(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date });
}

/** Key identifier: SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2, method 1). */
export function keyIdentifier(spki: pkijs.PublicKeyInfo): Buffer {
  return createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
}

export function extension(
  extnID: string,
  critical: boolean,
  value: { toBER(): ArrayBuffer },
): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });
}
