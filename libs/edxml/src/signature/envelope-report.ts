import type { CertificateSummary, ReasonSeverity, RevocationReport } from '@vanthu/signing';

/**
 * `valid`: signed, intact, chained to a trust anchor, not revoked. `invalid`: a signature that does
 * not hold (changed content, wrong value, refused structure). `indeterminate`: intact but trust or
 * revocation cannot be established. `unsigned`: no envelope signature. `legacy`: a signature of the
 * kinds real hubs send that cannot be checked (edXML namespace, SHA-1, copied placeholder): the
 * receiving policy decides (between our own nodes it requires `valid`).
 */
export type EnvelopeVerdict = 'valid' | 'invalid' | 'indeterminate' | 'unsigned' | 'legacy';

export type EnvelopeReasonSeverity = ReasonSeverity | 'legacy';

export interface EnvelopeReason {
  readonly code: string;
  readonly severity: EnvelopeReasonSeverity;
  /** Vietnamese, for people */
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

export interface EnvelopeReport {
  readonly verdict: EnvelopeVerdict;
  readonly reasons: readonly EnvelopeReason[];
  /** digest and signature value verified (by xml-crypto) */
  readonly intact: boolean;
  readonly signatureAlgorithm?: string;
  readonly digestAlgorithm?: string;
  readonly canonicalization?: string;
  readonly signer?: CertificateSummary;
  /** DER of the signer's certificate once the signature verified (the exchange reads its SAN agencies) */
  readonly signerCertificate?: Buffer;
  readonly chain: readonly CertificateSummary[];
  readonly trusted: boolean;
  readonly revocation?: RevocationReport;
  readonly verifiedAt: string;
}

/** Trust material for the envelope's certificate: the node's anchors and CRLs (as verifyPdf takes them). */
export interface EnvelopeTrust {
  readonly trustAnchors: readonly Buffer[];
  readonly crls?: readonly Buffer[];
  readonly fetchRevocation?: boolean;
  readonly fetchTimeoutMs?: number;
  /** the time the certificate must be valid and not revoked at (default now: the package's arrival) */
  readonly now?: Date;
}
