import { assertUsableForSigning } from '@vanthu/signing';
import { CertificateErrors } from '../certificates.errors';
import type { CertificateEntity, CertificateKind } from './certificate.entity';

/** Refuses a stored certificate that may not sign now: wrong kind, revoked, replaced, outside validity. */
export function assertCertificateUsable(row: CertificateEntity, kind: CertificateKind, now: Date): void {
  if (row.kind !== kind) throw CertificateErrors.wrongKind(kind);
  if (row.status === 'revoked') throw CertificateErrors.revoked();
  if (row.status === 'replaced') throw CertificateErrors.replaced();
  assertUsableForSigning(row.certificateDer, now);
}
