import { createHash } from 'node:crypto';
import { formatNameAttributes, type NameAttribute, toDer } from '@vanthu/signing';
import * as pkijs from 'pkijs';
import { CertificateErrors } from '../certificates.errors';

export interface CrlInfo {
  readonly der: Buffer;
  /** RFC 4514 order, as certificate subjects are shown. */
  readonly issuer: string;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly revokedCount: number;
  readonly sha256Fingerprint: string;
}

const LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

/**
 * Reads what the store shows about a CRL (DER or PEM). Its signature is not checked here: the
 * verifier checks it against the issuing CA each time it relies on the list.
 */
export function readCrl(input: Buffer): CrlInfo {
  const der = toDer(input);
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(der);
  } catch {
    throw CertificateErrors.crlMalformed();
  }
  const attributes: NameAttribute[] = crl.issuer.typesAndValues.map((atv) => ({
    type: LABELS[atv.type] ?? atv.type,
    oid: atv.type,
    value: String((atv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? ''),
  }));
  return {
    der,
    issuer: formatNameAttributes(attributes),
    thisUpdate: crl.thisUpdate.value,
    nextUpdate: crl.nextUpdate?.value ?? null,
    revokedCount: crl.revokedCertificates?.length ?? 0,
    sha256Fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}
