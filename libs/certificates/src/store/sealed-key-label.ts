import type { CertificateKind } from './certificate.entity';

/**
 * The associated data a certificate's sealed key is bound to: its row, agency, owner and kind. A
 * sealed key copied into another row, or a row moved to another agency or owner by someone with
 * write access to the database, no longer opens.
 */
export function sealedKeyLabel(row: {
  id: string;
  agencyId: string;
  ownerUserId: string | null;
  kind: CertificateKind;
}): string {
  return `vanthu/certificate/${row.id}/agency/${row.agencyId}/owner/${row.ownerUserId ?? '-'}/${row.kind}`;
}
