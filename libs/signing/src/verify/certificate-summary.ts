import type { CertificateSummary } from './verification-report';
import { ParsedCertificate } from './x509/parsed-certificate';

export function summarizeCertificate(c: ParsedCertificate): CertificateSummary {
  return {
    subject: c.subject.text,
    commonName: c.subject.commonName,
    organization: c.subject.organization,
    serialNumber: c.serialHex,
    issuer: c.issuer.text,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
  };
}
