import type { ActiveContentFinding } from './active-content/active-content-kinds';
import { activeContentReason } from './active-content/active-content-reason';
import { scanActiveContent } from './active-content/active-content-scanner';
import { ChangeAnalyzer } from './changes/change-analyzer';
import type { StandingSignature } from './changes/signed-fields';
import { docMdpPermission } from './docmdp';
import { readDss } from './dss-reader';
import { PdfFile, PdfFormatError } from './pdf-reader/pdf-file';
import { PdfName } from './pdf-reader/pdf-values';
import { assessSignature, DocumentTimestampFacts, PreparedSignature } from './signature-assessment';
import { checkCoverage, trailingBytesAreBlank } from './signature-coverage';
import { discoverSignatures } from './signature-discovery';
import { checkIntegrity } from './signature-integrity';
import { TrustContext } from './trust-context';
import { verifyError } from '../verify.errors';
import { reason, VerificationReason } from './verification-reasons';
import type {
  DocumentVerdict,
  SignatureReport,
  VerificationReport,
  VerifyPdfLazyTrustOptions,
  VerifyPdfOptions,
} from './verification-report';
import { CertificatePool } from './x509/certificate-pool';
import { ParsedCertificate } from './x509/parsed-certificate';
import { RevocationChecker } from './x509/revocation-checker';
import { RevocationFetcher } from './x509/revocation-fetcher';
import { parseTrustAnchor } from './x509/trust-material-parses';

/**
 * Verifies every signature and document timestamp of any PDF: integrity over its byte range, where
 * that range lies in the file's revisions, the certificate chain to the given anchors, validity and
 * revocation at signing time, the PAdES level, and what later revisions changed. Throws AppException
 * PDF_NOT_PDF, PDF_MALFORMED or PDF_ENCRYPTED for input it cannot judge; a PDF without signatures
 * gives the verdict "unsigned".
 */
export async function verifyPdf(
  input: Buffer,
  options: VerifyPdfOptions | VerifyPdfLazyTrustOptions,
): Promise<VerificationReport> {
  return verifyOpened(openPdf(input), options);
}

/**
 * verifyPdf, and the page count of the document (/Count of the last revision's page tree) from the
 * same parse: for a received file that must be checked and described before it is registered.
 * Throws PDF_MALFORMED as well when the document has no page tree.
 */
export async function inspectAndVerifyPdf(
  input: Buffer,
  options: VerifyPdfOptions | VerifyPdfLazyTrustOptions,
): Promise<{ pageCount: number; report: VerificationReport }> {
  const file = openPdf(input);
  const pageCount = pageCountOf(file);
  return { pageCount, report: await verifyOpened(file, options) };
}

async function verifyOpened(
  file: PdfFile,
  options: VerifyPdfOptions | VerifyPdfLazyTrustOptions,
): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const verifiedAt = now.toISOString();
  const documentReasons: VerificationReason[] = [];
  if (!trailingBytesAreBlank(file))
    documentReasons.push(
      reason('UNCOVERED_TAIL', { from: file.last.end, bytes: file.buf.length - file.last.end }),
    );
  // a warning, not a verdict: the signatures still say whether these bytes are what was signed
  const activeContent = scanActiveContent(file);
  if (activeContent.length > 0) documentReasons.push(activeContentReason(activeContent));
  const candidates = discoverSignatures(file);
  if (candidates.length === 0) {
    return {
      verdict: 'unsigned',
      revisions: file.revisions.length,
      signatures: [],
      documentReasons,
      activeContent,
      verifiedAt,
    };
  }

  const material = 'trust' in options ? await options.trust() : options;
  const pool = new CertificatePool();
  const anchors = material.trustAnchors
    .flatMap((b) => parseAnchors(b))
    .map((c) => pool.add(c) as ParsedCertificate);
  const revocation = new RevocationChecker(
    options.fetchRevocation ? new RevocationFetcher(options.fetchTimeoutMs ?? 10_000) : undefined,
  );
  for (const crl of material.crls ?? []) revocation.addConfiguredCrl(crl);
  const finalDss = readDss(file.last);
  pool.addAll(finalDss.certs);
  for (const c of finalDss.crls) revocation.addCrl(c);
  for (const o of finalDss.ocsps) revocation.addOcsp(o);
  const trust = new TrustContext(pool, anchors, revocation);

  const prepared: PreparedSignature[] = candidates.map((candidate) => {
    const revision = file.revisions[candidate.firstSeenRevision];
    const sf = revision.resolve(candidate.sigDict.get('SubFilter'));
    const subFilter = sf instanceof PdfName ? sf.name : '';
    const coverage = checkCoverage(file, candidate);
    const integrity = coverage.contents
      ? checkIntegrity(subFilter, coverage.contents, coverage.parts, pool)
      : {
          intact: false,
          reasons: [],
          certificates: [],
          hasEssSigningCertificate: false,
          crls: [],
          ocsps: [],
        };
    for (const c of integrity.crls) revocation.addCrl(c);
    for (const o of integrity.ocsps) revocation.addOcsp(o);
    return { candidate, revision, subFilter, coverage, integrity };
  });
  prepared.sort((a, b) => rangeEnd(a) - rangeEnd(b));

  const docTimestamps: DocumentTimestampFacts[] = [];
  for (const p of prepared) {
    const ts = p.integrity.documentTimestamp;
    const covered = p.coverage.coveredRevision;
    if (!ts || !covered) continue;
    const tsa = ts.signer.signerCertificate;
    docTimestamps.push({
      coveredIndex: covered.index,
      valid: p.integrity.intact && p.coverage.reasons.length === 0,
      trusted: tsa !== undefined && trust.chains.build(tsa).trusted,
      genTime: ts.genTime,
      dss: readDss(covered),
    });
  }

  // a certifying signature's DocMDP permission governs every later revision
  const certification = prepared
    .map((p) => ({ p, permission: docMdpPermission(p.candidate.sigDict, p.revision) }))
    .find((c) => c.permission !== undefined && c.p.coverage.coveredRevision);
  const certifiedAt = certification?.p.coverage.coveredRevision?.index ?? Infinity;
  const permissionAt = (i: number): number => (i > certifiedAt ? (certification?.permission ?? 2) : 2);

  const facts = {
    trust,
    analyzer: new ChangeAnalyzer(file, standingSignatures(prepared)),
    finalDss,
    docTimestamps,
    permissionAt,
    documentReasons,
    now,
  };
  const signatures: SignatureReport[] = [];
  for (const [i, p] of prepared.entries()) signatures.push(await assessSignature(p, i + 1, facts));
  return {
    verdict: documentVerdict(signatures),
    revisions: file.revisions.length,
    signatures,
    documentReasons,
    activeContent,
    verifiedAt,
  };
}

/**
 * The active content of a PDF (JavaScript, launch and form actions, embedded files, XFA, automatic
 * actions …) in every object of every revision; empty for a clean document. Throws PDF_NOT_PDF,
 * PDF_MALFORMED or PDF_ENCRYPTED like verifyPdf.
 */
export function findActiveContent(input: Buffer): ActiveContentFinding[] {
  return scanActiveContent(openPdf(input));
}

function openPdf(input: Buffer): PdfFile {
  let file: PdfFile;
  try {
    file = PdfFile.open(input);
  } catch (e) {
    if (e instanceof PdfFormatError && e.kind === 'not-pdf') throw verifyError('PDF_NOT_PDF');
    throw verifyError('PDF_MALFORMED', { reason: (e as Error).message });
  }
  if (file.last.trailer.has('Encrypt')) throw verifyError('PDF_ENCRYPTED');
  let hasCatalog = false;
  try {
    hasCatalog = file.last.catalog !== undefined;
  } catch {
    hasCatalog = false;
  }
  if (!hasCatalog) throw verifyError('PDF_MALFORMED', { reason: 'no document catalog' });
  return file;
}

function pageCountOf(file: PdfFile): number {
  let count: unknown;
  try {
    const last = file.last;
    count = last.resolve(last.dict(last.catalog?.get('Pages'))?.get('Count'));
  } catch (e) {
    throw verifyError('PDF_MALFORMED', { reason: (e as Error).message });
  }
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    throw verifyError('PDF_MALFORMED', { reason: 'no page tree' });
  return count;
}

function parseAnchors(input: Buffer): ParsedCertificate[] {
  try {
    return parseTrustAnchor(input);
  } catch {
    throw verifyError('TRUST_ANCHOR_INVALID');
  }
}

/**
 * Signatures whose bytes are intact over a range that ends at a revision end: these, and only these,
 * vouch for the appearance of their own field (see ChangeAnalyzer).
 */
function standingSignatures(prepared: readonly PreparedSignature[]): StandingSignature[] {
  const out: StandingSignature[] = [];
  for (const p of prepared) {
    const covered = p.coverage.coveredRevision;
    if (!covered || !p.coverage.endsAtRevision || !p.integrity.intact) continue;
    if (p.coverage.reasons.some((r) => r.severity === 'error')) continue;
    out.push({
      coveredIndex: covered.index,
      sigObjectNumber: p.candidate.sigObjectNumber,
      sigDict: p.candidate.sigDict,
    });
  }
  return out;
}

function rangeEnd(p: PreparedSignature): number {
  const br = p.coverage.byteRange;
  let end = 0;
  for (let i = 0; i + 1 < br.length; i += 2) end = Math.max(end, br[i] + br[i + 1]);
  return end;
}

function documentVerdict(signatures: readonly SignatureReport[]): DocumentVerdict {
  if (signatures.some((s) => s.verdict === 'invalid')) return 'invalid';
  if (signatures.some((s) => s.verdict === 'indeterminate')) return 'indeterminate';
  return 'valid';
}
