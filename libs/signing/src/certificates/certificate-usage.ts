import { signingError } from '../signing.errors';
import { parseCertificate, type CertificateInfo } from './certificate-info';

/**
 * Refuses a certificate that cannot sign at `at`: outside its validity (CERT_EXPIRED,
 * CERT_NOT_YET_VALID) or whose KeyUsage allows neither digitalSignature nor nonRepudiation
 * (CERT_KEY_USAGE_INVALID). A certificate without a KeyUsage extension is not restricted.
 */
export function assertUsableForSigning(
  certificate: Buffer | string | CertificateInfo,
  at: Date,
): CertificateInfo {
  const info = isInfo(certificate) ? certificate : parseCertificate(certificate);
  const details = {
    subject: info.subject,
    serialNumber: info.serialNumber,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
  };
  if (at.getTime() < info.notBefore.getTime()) throw signingError('CERT_NOT_YET_VALID', details);
  if (at.getTime() > info.notAfter.getTime()) throw signingError('CERT_EXPIRED', details);
  if (
    info.keyUsage &&
    !info.keyUsage.includes('digitalSignature') &&
    !info.keyUsage.includes('nonRepudiation')
  ) {
    throw signingError('CERT_KEY_USAGE_INVALID', { ...details, keyUsage: info.keyUsage });
  }
  return info;
}

function isInfo(value: Buffer | string | CertificateInfo): value is CertificateInfo {
  return typeof value === 'object' && !Buffer.isBuffer(value) && 'sha256Fingerprint' in value;
}
