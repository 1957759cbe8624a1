import type { CrlEntity } from './crl.entity';
import type { TrustAnchorEntity } from './trust-anchor.entity';

export interface TrustAnchorView {
  id: string;
  label: string;
  subject: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256Fingerprint: string;
  createdAt: string;
}

export interface CrlView {
  id: string;
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  revokedCount: number;
  sha256Fingerprint: string;
  createdAt: string;
}

export function toTrustAnchorView(row: TrustAnchorEntity): TrustAnchorView {
  return {
    id: row.id,
    label: row.label,
    subject: row.subject,
    serialNumber: row.serialNumber,
    notBefore: row.notBefore.toISOString(),
    notAfter: row.notAfter.toISOString(),
    sha256Fingerprint: row.sha256Fingerprint,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCrlView(row: CrlEntity): CrlView {
  return {
    id: row.id,
    issuer: row.issuer,
    thisUpdate: row.thisUpdate.toISOString(),
    nextUpdate: row.nextUpdate?.toISOString() ?? null,
    revokedCount: row.revokedCount,
    sha256Fingerprint: row.sha256Fingerprint,
    createdAt: row.createdAt.toISOString(),
  };
}
