import type { ActiveContentFinding } from './active-content/active-content-kinds';
import type { ChangeKind } from './changes/change-kinds';
import type { VerificationReason } from './verification-reasons';

export type SignatureVerdict = 'valid' | 'invalid' | 'indeterminate';
export type DocumentVerdict = SignatureVerdict | 'unsigned';
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA' | 'NOT_PADES' | 'DOCUMENT_TIMESTAMP';
export type SigningTimeSource =
  'signature-timestamp' | 'document-timestamp' | 'claimed' | 'cms-signing-time' | 'none';

export interface CertificateSummary {
  readonly subject: string;
  readonly commonName?: string;
  readonly organization?: string;
  readonly serialNumber: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

/** One change made by a revision after the signature, grouped by kind. */
export interface ChangeReport {
  /** 1-based revision that made the change */
  readonly revision: number;
  readonly kind: ChangeKind;
  readonly allowed: boolean;
  readonly objects: number[];
  readonly message: string;
}

export interface RevocationReport {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source?: 'crl' | 'ocsp';
  readonly revokedAt?: string;
  /** thisUpdate / producedAt of the data used */
  readonly checkedAt?: string;
}

export interface TimestampReport {
  readonly genTime: string;
  readonly valid: boolean;
  readonly trusted: boolean;
  readonly authority?: CertificateSummary;
}

export interface SignatureReport {
  /** 1-based, in the order the signatures were applied */
  readonly index: number;
  readonly fieldName: string;
  readonly type: 'signature' | 'document-timestamp';
  readonly subFilter: string;
  readonly level: PadesLevel;
  readonly verdict: SignatureVerdict;
  readonly reasons: VerificationReason[];
  readonly intact: boolean;
  readonly byteRange: number[];
  /** 1-based revision the signature covers, undefined when its range ends elsewhere */
  readonly coveredRevision?: number;
  readonly coversWholeDocument: boolean;
  readonly digestAlgorithm?: string;
  readonly signatureAlgorithm?: string;
  readonly signer?: CertificateSummary;
  readonly chain: CertificateSummary[];
  readonly trusted: boolean;
  readonly signingTime?: string;
  readonly signingTimeSource: SigningTimeSource;
  readonly claimedSigningTime?: string;
  readonly timestamp?: TimestampReport;
  readonly revocation: RevocationReport;
  /** DocMDP permission when this is a certifying signature */
  readonly certification?: { readonly permission: 1 | 2 | 3 };
  readonly changesAfter: ChangeReport[];
  readonly signerName?: string;
  readonly reason?: string;
  readonly location?: string;
}

export interface VerificationReport {
  readonly verdict: DocumentVerdict;
  readonly revisions: number;
  readonly signatures: SignatureReport[];
  /** problems of the file as a whole (e.g. an uncovered tail), also copied onto each signature */
  readonly documentReasons: VerificationReason[];
  /**
   * Active content anywhere in the file (JavaScript, launch and form actions, embedded files, XFA,
   * automatic actions); when any, documentReasons holds ACTIVE_CONTENT too. Reports stored before
   * this field existed lack it.
   */
  readonly activeContent: ActiveContentFinding[];
  readonly verifiedAt: string;
}

/**
 * What a verification trusts. Callers usually pass the same bytes every time: their parses are kept
 * (by SHA-256 of the bytes) across verifications, so passing them again costs no parsing.
 */
export interface VerifyPdfTrust {
  /** DER or PEM certificates (a PEM may hold several) */
  readonly trustAnchors: readonly Buffer[];
  /** DER or PEM CRLs to use for revocation */
  readonly crls?: readonly Buffer[];
}

export interface VerifyPdfOptions extends VerifyPdfTrust, VerifyPdfSettings {}

/** Options whose trust material is read only when the PDF holds a signature (an unsigned scan needs none). */
export interface VerifyPdfLazyTrustOptions extends VerifyPdfSettings {
  readonly trust: () => Promise<VerifyPdfTrust>;
}

export interface VerifyPdfSettings {
  /** fetch CRLs from distribution points and ask OCSP responders named in certificates (default false: offline) */
  readonly fetchRevocation?: boolean;
  /** the current time, for signatures without any signing time; default now */
  readonly now?: Date;
  /** network timeout per revocation request, default 10 s */
  readonly fetchTimeoutMs?: number;
}
