import { ChangeAnalyzer } from './changes/change-analyzer';
import { summarizeCertificate } from './certificate-summary';
import { checkTimestampToken } from './cms/timestamp-token';
import { docMdpPermission, fieldLock } from './docmdp';
import { DssContent } from './dss-reader';
import { DocumentTimestampInfo, padesLevel } from './pades-level';
import { PdfRevision } from './pdf-reader/pdf-revision';
import { parsePdfDate, PdfString } from './pdf-reader/pdf-values';
import { Coverage } from './signature-coverage';
import { SignatureCandidate } from './signature-discovery';
import { IntegrityResult } from './signature-integrity';
import { TrustContext } from './trust-context';
import { reason, VerificationReason } from './verification-reasons';
import type {
  ChangeReport,
  SignatureReport,
  SignatureVerdict,
  SigningTimeSource,
  TimestampReport,
} from './verification-report';
import { KEY_USAGE } from './x509/parsed-certificate';

export interface PreparedSignature {
  readonly candidate: SignatureCandidate;
  /** the revision the signature dictionary was read from, to resolve its indirect values */
  readonly revision: PdfRevision;
  readonly subFilter: string;
  readonly coverage: Coverage;
  readonly integrity: IntegrityResult;
}

export interface DocumentTimestampFacts extends DocumentTimestampInfo {
  readonly genTime: Date;
  readonly trusted: boolean;
}

export interface DocumentFacts {
  readonly trust: TrustContext;
  readonly analyzer: ChangeAnalyzer;
  readonly finalDss: DssContent;
  readonly docTimestamps: readonly DocumentTimestampFacts[];
  readonly permissionAt: (revisionIndex: number) => number;
  readonly documentReasons: readonly VerificationReason[];
  readonly now: Date;
}

/** Everything about one signature beyond its bytes: time, certificates, level, later changes, verdict. */
export async function assessSignature(
  p: PreparedSignature,
  index: number,
  facts: DocumentFacts,
): Promise<SignatureReport> {
  const { candidate, coverage, integrity } = p;
  const reasons: VerificationReason[] = [...coverage.reasons, ...integrity.reasons, ...facts.documentReasons];
  const text = (key: string): string | undefined => {
    const v = p.revision.resolve(candidate.sigDict.get(key));
    return v instanceof PdfString ? v.text : undefined;
  };
  const claimed = parseDate(text('M'));
  const coveredIndex = coverage.coveredRevision?.index;
  const signer = integrity.signerCertificate;

  // the time at which the certificate must have been valid
  let signingTime: Date | undefined;
  let source: SigningTimeSource = 'none';
  let timestamp: TimestampReport | undefined;
  let proofOfExistence: Date | undefined;
  if (integrity.documentTimestamp) {
    signingTime = integrity.documentTimestamp.genTime;
    source = 'document-timestamp';
  } else if (integrity.signatureTimestampToken && integrity.signatureValue) {
    const ts = checkSignatureTimestamp(
      integrity.signatureTimestampToken,
      integrity.signatureValue,
      facts.trust,
    );
    timestamp = ts.report;
    if (!ts.report.valid) reasons.push(reason('TIMESTAMP_INVALID'));
    else if (!ts.report.trusted)
      reasons.push(reason('TIMESTAMP_UNTRUSTED', { authority: ts.report.authority?.subject }));
    else {
      signingTime = ts.genTime;
      source = 'signature-timestamp';
      proofOfExistence = ts.genTime;
    }
  }
  if (!signingTime && claimed) {
    signingTime = claimed;
    source = 'claimed';
  }
  if (!signingTime && integrity.cmsSigningTime) {
    signingTime = integrity.cmsSigningTime;
    source = 'cms-signing-time';
  }
  for (const t of facts.docTimestamps) {
    if (coveredIndex !== undefined && t.valid && t.trusted && t.coveredIndex > coveredIndex)
      if (!proofOfExistence || t.genTime < proofOfExistence) proofOfExistence = t.genTime;
  }
  if (!signingTime) reasons.push(reason('SIGNING_TIME_UNKNOWN'));
  const at = signingTime ?? facts.now;

  let chain: SignatureReport['chain'] = [];
  let trusted = false;
  let revocation: SignatureReport['revocation'] = { status: 'unknown' };
  if (signer) {
    const a = await facts.trust.assess(signer, at, proofOfExistence);
    reasons.push(...a.reasons);
    chain = a.chain.chain.map(summarizeCertificate);
    trusted = a.chain.trusted;
    revocation = {
      status: a.revocation.status,
      source: a.revocation.source,
      revokedAt: a.revocation.revokedAt?.toISOString(),
      checkedAt: a.revocation.checkedAt?.toISOString(),
    };
    if (!candidate.isDocumentTimestamp && signer.keyUsage !== undefined)
      if (!(signer.keyUsage & (KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation)))
        reasons.push(reason('KEY_USAGE_NOT_SIGNING'));
  }

  const level = padesLevel(
    {
      subFilter: p.subFilter,
      isDocumentTimestamp: candidate.isDocumentTimestamp,
      hasEssSigningCertificate: integrity.hasEssSigningCertificate,
      hasValidSignatureTimestamp: timestamp?.valid === true,
      coveredIndex: coveredIndex ?? -1,
      signerCertificate: signer,
      contents: coverage.contents,
    },
    facts.finalDss,
    facts.docTimestamps,
  );
  if (level === 'NOT_PADES' && integrity.signerCertificate) {
    reasons.push(
      p.subFilter === 'ETSI.CAdES.detached'
        ? reason('PADES_ESS_MISSING')
        : reason('NOT_PADES', { subFilter: p.subFilter }),
    );
  }

  let changesAfter: ChangeReport[] = [];
  if (coveredIndex !== undefined) {
    try {
      changesAfter = facts.analyzer.changesAfter(
        coveredIndex,
        facts.permissionAt,
        fieldLock(candidate.sigDict, p.revision),
      );
      const bad = changesAfter.filter((c) => !c.allowed);
      if (bad.length > 0)
        reasons.push(
          reason('DISALLOWED_CHANGES_AFTER', {
            changes: bad.map((c) => ({ revision: c.revision, kind: c.kind, objects: c.objects })),
          }),
        );
    } catch (e) {
      reasons.push(reason('CHANGE_ANALYSIS_FAILED', { error: (e as Error).message }));
    }
  }
  const permission = docMdpPermission(candidate.sigDict, p.revision);

  return {
    index,
    fieldName: candidate.fieldName,
    type: candidate.isDocumentTimestamp ? 'document-timestamp' : 'signature',
    subFilter: p.subFilter,
    level,
    verdict: verdictOf(reasons),
    reasons,
    intact: integrity.intact && !coverage.reasons.some((r) => r.severity === 'error'),
    byteRange: coverage.byteRange,
    coveredRevision: coveredIndex === undefined ? undefined : coveredIndex + 1,
    coversWholeDocument: coverage.coversWholeDocument,
    digestAlgorithm: integrity.digestAlgorithm,
    signatureAlgorithm: integrity.signatureAlgorithm,
    signer: signer ? summarizeCertificate(signer) : undefined,
    chain,
    trusted,
    signingTime: signingTime?.toISOString(),
    signingTimeSource: source,
    claimedSigningTime: claimed?.toISOString(),
    timestamp,
    revocation,
    certification: permission ? { permission } : undefined,
    changesAfter,
    signerName: text('Name'),
    reason: text('Reason'),
    location: text('Location'),
  };
}

export function verdictOf(reasons: readonly VerificationReason[]): SignatureVerdict {
  if (reasons.some((r) => r.severity === 'error')) return 'invalid';
  if (reasons.some((r) => r.severity === 'indeterminate')) return 'indeterminate';
  return 'valid';
}

function parseDate(s: string | undefined): Date | undefined {
  return s ? parsePdfDate(s) : undefined;
}

/** a signature timestamp must carry the digest of the SignerInfo signature value (RFC 3161 Appendix A) */
function checkSignatureTimestamp(
  token: Buffer,
  signatureValue: Buffer,
  trust: TrustContext,
): { report: TimestampReport; genTime?: Date } {
  try {
    const ts = checkTimestampToken(token, [signatureValue], trust.pool);
    const valid = ts.imprintMatches && ts.signer.digestMatches && ts.signer.signatureValid;
    const tsa = ts.signer.signerCertificate;
    let trusted = false;
    if (valid && tsa) {
      const chain = trust.chains.build(tsa);
      const g = ts.genTime.getTime();
      trusted =
        chain.trusted &&
        chain.chain.every(
          (c) => trust.chains.isAnchor(c) || (g >= c.notBefore.getTime() && g <= c.notAfter.getTime()),
        );
    }
    return {
      report: {
        genTime: ts.genTime.toISOString(),
        valid,
        trusted,
        authority: tsa ? summarizeCertificate(tsa) : undefined,
      },
      genTime: ts.genTime,
    };
  } catch {
    return { report: { genTime: '', valid: false, trusted: false } };
  }
}
