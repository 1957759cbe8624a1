import type { KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EXTENSION_OIDS } from '../certificates/x509-oids';
import { subjectKeyIdentifierOf } from './certificate-builder';
import { extension, x509Sign, x509SignatureAlgorithm, x509Time } from './x509-signer';

/** CRLReason values (RFC 5280 5.3.1) we use. */
export const CRL_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  superseded: 4,
  cessationOfOperation: 5,
} as const;

export interface RevokedEntry {
  /** Certificate serial number (big-endian bytes, as in the certificate). */
  readonly serialNumber: Buffer;
  readonly revokedAt: Date;
  readonly reason?: keyof typeof CRL_REASONS;
}

export interface CrlSpec {
  readonly issuer: { readonly certificate: Buffer; readonly privateKey: KeyObject };
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly crlNumber: number;
  readonly revoked: readonly RevokedEntry[];
}

/** Issues an X.509 v2 CRL (DER), signed with node:crypto. */
export function issueCrl(spec: CrlSpec): Buffer {
  const issuerCert = pkijs.Certificate.fromBER(spec.issuer.certificate);
  const algorithm = x509SignatureAlgorithm(spec.issuer.privateKey);
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.signature = algorithm;
  crl.signatureAlgorithm = algorithm;
  crl.issuer = issuerCert.subject;
  crl.thisUpdate = x509Time(spec.thisUpdate);
  crl.nextUpdate = x509Time(spec.nextUpdate);
  if (spec.revoked.length) {
    crl.revokedCertificates = spec.revoked.map(
      (entry) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: entry.serialNumber }),
          revocationDate: x509Time(entry.revokedAt),
          crlEntryExtensions: new pkijs.Extensions({
            extensions: [
              extension(
                EXTENSION_OIDS.crlReason,
                false,
                new asn1js.Enumerated({ value: CRL_REASONS[entry.reason ?? 'unspecified'] }),
              ),
            ],
          }),
        }),
    );
  }
  crl.crlExtensions = new pkijs.Extensions({
    extensions: [
      extension(
        EXTENSION_OIDS.authorityKeyIdentifier,
        false,
        new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: subjectKeyIdentifierOf(issuerCert) }),
        }).toSchema(),
      ),
      extension(EXTENSION_OIDS.crlNumber, false, new asn1js.Integer({ value: spec.crlNumber })),
    ],
  });
  // pkijs keeps encodeTBS protected on CRLs; the first element of the assembled CRL is the same TBS
  const tbs = Buffer.from((crl.toSchema(true).valueBlock.value[0] as asn1js.Sequence).toBER());
  crl.signatureValue = new asn1js.BitString({ valueHex: x509Sign(tbs, spec.issuer.privateKey) });
  return Buffer.from(crl.toSchema(true).toBER());
}
