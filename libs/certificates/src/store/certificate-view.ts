import type { CertificateEntity, CertificateKind, CertificateStatus } from './certificate.entity';

/** How far ahead the list warns that a certificate is about to expire. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What leaves the lib about a certificate: public facts only, never key material. */
export interface CertificateView {
  id: string;
  agencyId: string;
  kind: CertificateKind;
  /** The person it belongs to (personal certificates). */
  ownerUserId: string | null;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  status: CertificateStatus;
  replacedBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  createdAt: string;
  /** `notAfter` has passed. */
  expired: boolean;
  /** Still valid, but `notAfter` is within EXPIRY_WARNING_DAYS. */
  expiresSoon: boolean;
  notYetValid: boolean;
  /** Whole days until `notAfter`, rounded up (0 once expired). */
  daysLeft: number;
  version: number;
}

export function toCertificateView(row: CertificateEntity, now: Date): CertificateView {
  const left = row.notAfter.getTime() - now.getTime();
  const expired = left < 0;
  return {
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind,
    ownerUserId: row.ownerUserId,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    sha256Fingerprint: row.sha256Fingerprint,
    status: row.status,
    replacedBy: row.replacedBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    createdAt: row.createdAt.toISOString(),
    expired,
    expiresSoon: !expired && left <= EXPIRY_WARNING_DAYS * DAY_MS,
    notYetValid: now.getTime() < row.notBefore.getTime(),
    daysLeft: expired ? 0 : Math.ceil(left / DAY_MS),
    version: row.version,
  };
}
