import { reason, VerificationReason } from './verification-reasons';
import { CertificatePool } from './x509/certificate-pool';
import { ChainBuilder, ChainResult } from './x509/chain-builder';
import { ParsedCertificate } from './x509/parsed-certificate';
import { RevocationChecker, RevocationOutcome } from './x509/revocation-checker';

export interface CertificateAssessment {
  readonly chain: ChainResult;
  readonly revocation: RevocationOutcome;
  readonly reasons: VerificationReason[];
}

/**
 * Trust decisions shared by all signatures of one document: one certificate pool, one chain
 * builder over the configured anchors, one revocation checker fed by options, DSS and CMS data.
 */
export class TrustContext {
  readonly chains: ChainBuilder;

  constructor(
    readonly pool: CertificatePool,
    anchors: readonly ParsedCertificate[],
    readonly revocation: RevocationChecker,
  ) {
    this.chains = new ChainBuilder(pool, anchors);
  }

  /**
   * Chain, validity at `at` and revocation of `cert`. `proofOfExistence` is the earliest trusted
   * timestamp showing the signature existed (it decides revocations dated after the claimed time).
   */
  async assess(
    cert: ParsedCertificate,
    at: Date,
    proofOfExistence: Date | undefined,
  ): Promise<CertificateAssessment> {
    const reasons: VerificationReason[] = [];
    const chain = this.chains.build(cert);
    if (!chain.trusted)
      reasons.push(reason('CHAIN_UNTRUSTED', { chain: chain.chain.map((c) => c.subject.text) }));
    const t = at.getTime();
    for (const c of chain.chain) {
      if (chain.trusted && this.chains.isAnchor(c)) continue;
      const who = { subject: c.subject.text, serialNumber: c.serialHex };
      if (t > c.notAfter.getTime())
        reasons.push(
          reason('CERT_EXPIRED_AT_SIGNING', {
            ...who,
            notAfter: c.notAfter.toISOString(),
            signingTime: at.toISOString(),
          }),
        );
      if (t < c.notBefore.getTime())
        reasons.push(
          reason('CERT_NOT_YET_VALID_AT_SIGNING', {
            ...who,
            notBefore: c.notBefore.toISOString(),
            signingTime: at.toISOString(),
          }),
        );
    }
    let signerOutcome: RevocationOutcome = { status: 'unknown' };
    for (let i = 0; i + 1 < chain.chain.length; i++) {
      const c = chain.chain[i];
      const outcome = await this.revocation.check(c, chain.chain[i + 1], at);
      if (i === 0) signerOutcome = outcome;
      if (outcome.status !== 'revoked' || !outcome.revokedAt) continue;
      const details = {
        subject: c.subject.text,
        serialNumber: c.serialHex,
        revokedAt: outcome.revokedAt.toISOString(),
      };
      const revokedAt = outcome.revokedAt.getTime();
      if (revokedAt <= t) reasons.push(reason('CERT_REVOKED', details));
      else if (proofOfExistence && proofOfExistence.getTime() < revokedAt)
        reasons.push(reason('CERT_REVOKED_AFTER_SIGNING', details));
      else reasons.push(reason('CERT_REVOKED_NO_POE', details));
    }
    if (chain.trusted && signerOutcome.status === 'unknown' && chain.chain.length > 1) {
      const failures = this.revocation.fetchFailures;
      if (failures.length > 0) reasons.push(reason('REVOCATION_FETCH_FAILED', { failures: [...failures] }));
      reasons.push(reason('REVOCATION_UNKNOWN'));
    }
    return { chain, revocation: signerOutcome, reasons };
  }
}
