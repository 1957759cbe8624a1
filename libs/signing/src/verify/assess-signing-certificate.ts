import { summarizeCertificate } from './certificate-summary';
import { verdictOf } from './signature-assessment';
import { TrustContext } from './trust-context';
import { reason, type VerificationReason } from './verification-reasons';
import type {
  CertificateSummary,
  RevocationReport,
  SignatureVerdict,
  VerifyPdfOptions,
} from './verification-report';
import { CertificatePool } from './x509/certificate-pool';
import { KEY_USAGE } from './x509/parsed-certificate';
import { RevocationChecker } from './x509/revocation-checker';
import { RevocationFetcher } from './x509/revocation-fetcher';
import { parseTrustAnchor } from './x509/trust-material-parses';
import { verifyError } from '../verify.errors';

export interface SigningCertificateInput {
  /** DER of the certificate whose key made the signature */
  readonly certificate: Buffer;
  /** DER of other certificates that came with the signature (intermediates), used to build the chain */
  readonly otherCertificates?: readonly Buffer[];
  /** when the certificate must have been valid and not revoked */
  readonly at: Date;
}

export interface SigningCertificateReport {
  readonly verdict: SignatureVerdict;
  readonly reasons: VerificationReason[];
  readonly signer?: CertificateSummary;
  /** from the signer up to the anchor (or as far as it could be built) */
  readonly chain: CertificateSummary[];
  readonly trusted: boolean;
  readonly revocation: RevocationReport;
}

/**
 * Chain, validity, revocation and key usage of a certificate that made a signature outside a PDF
 * (an edXML envelope): the PDF verifier's own trust code (one chain builder, one revocation checker)
 * with the same reason codes and verdict rule. Throws TRUST_ANCHOR_INVALID for unreadable anchors.
 */
export async function assessSigningCertificate(
  input: SigningCertificateInput,
  options: Pick<VerifyPdfOptions, 'trustAnchors' | 'crls' | 'fetchRevocation' | 'fetchTimeoutMs'>,
): Promise<SigningCertificateReport> {
  const pool = new CertificatePool();
  const anchors = options.trustAnchors.flatMap((b) => {
    try {
      return parseTrustAnchor(b);
    } catch {
      throw verifyError('TRUST_ANCHOR_INVALID');
    }
  });
  for (const a of anchors) pool.add(a);
  const signer = pool.add(input.certificate);
  if (!signer) {
    const reasons = [reason('SIGNER_CERT_NOT_FOUND')];
    return {
      verdict: verdictOf(reasons),
      reasons,
      chain: [],
      trusted: false,
      revocation: { status: 'unknown' },
    };
  }
  pool.addAll(input.otherCertificates ?? []);
  const revocation = new RevocationChecker(
    options.fetchRevocation ? new RevocationFetcher(options.fetchTimeoutMs ?? 10_000) : undefined,
  );
  for (const crl of options.crls ?? []) revocation.addConfiguredCrl(crl);
  const assessment = await new TrustContext(pool, anchors, revocation).assess(signer, input.at, undefined);
  const reasons = [...assessment.reasons];
  if (
    signer.keyUsage !== undefined &&
    !(signer.keyUsage & (KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation))
  )
    reasons.push(reason('KEY_USAGE_NOT_SIGNING'));
  return {
    verdict: verdictOf(reasons),
    reasons,
    signer: summarizeCertificate(signer),
    chain: assessment.chain.chain.map(summarizeCertificate),
    trusted: assessment.chain.trusted,
    revocation: revocationReport(assessment.revocation),
  };
}

function revocationReport(r: {
  status: RevocationReport['status'];
  source?: RevocationReport['source'];
  revokedAt?: Date;
  checkedAt?: Date;
}): RevocationReport {
  return {
    status: r.status,
    source: r.source,
    revokedAt: r.revokedAt?.toISOString(),
    checkedAt: r.checkedAt?.toISOString(),
  };
}
