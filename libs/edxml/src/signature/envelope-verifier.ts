import { X509Certificate } from 'node:crypto';
import type { Document, Element } from '@xmldom/xmldom';
import { assessSigningCertificate } from '@vanthu/signing';
import { DSIG_NS, EDXML_NS, XMLDSIG } from '../model/edxml-names';
import type { LoadedXml } from '../parse/xml-dom';
import type { ReducedDocument } from '../parse/reduced-document';
import { envelopeReason } from './envelope-reasons';
import type { EnvelopeReason, EnvelopeReport, EnvelopeTrust, EnvelopeVerdict } from './envelope-report';
import { checkEnvelopeCore } from './envelope-core-check';
import { DIGEST_ALGORITHMS, SIGNATURE_ALGORITHMS } from './xml-crypto-algorithms';

const WEAK = new Set<string>([XMLDSIG.rsaSha1, XMLDSIG.ecdsaSha1, XMLDSIG.sha1]);
const C14N = new Set<string>([XMLDSIG.excC14n, XMLDSIG.c14n]);

/**
 * The envelope signature's verdict. Policy first, on the parsed SignedInfo: exactly one ds:Signature,
 * one Reference with URI="" whose transforms are enveloped-signature then C14N, SHA-256/512 with
 * RSA or ECDSA. Then xml-crypto (≥ 6.1) checks digest and signature value using only what its own
 * canonical SignedInfo references (or, for a plain SignedInfo, what our DOM reads of it: the same
 * values), on the document already parsed (envelope-core-check.ts; its
 * digest goes through splicingHash for the set-aside attachment bodies). Then the certificate from
 * KeyInfo through libs/signing's chain builder and
 * revocation checker. Legacy signatures (edXML namespace, SHA-1, placeholders) are a verdict.
 */
export async function verifyEnvelope(
  loaded: LoadedXml,
  reduced: ReducedDocument,
  trust: EnvelopeTrust,
): Promise<EnvelopeReport> {
  const verifiedAt = (trust.now ?? new Date()).toISOString();
  const base = { intact: false, chain: [], trusted: false, verifiedAt };
  const { dsig, legacy } = findSignatures(loaded.document);
  if (dsig.length === 0) {
    if (legacy.length === 0) return { ...base, verdict: 'unsigned', reasons: [] };
    return { ...base, verdict: 'legacy', reasons: [envelopeReason('SIGNATURE_NOT_XMLDSIG')] };
  }
  if (dsig.length > 1) return report(base, [envelopeReason('SIGNATURE_MULTIPLE', { count: dsig.length })]);
  const signature = dsig[0];
  const reasons: EnvelopeReason[] = [];
  const parent = signature.parentNode as Element | null;
  if (parent?.localName !== 'edXMLHeader') reasons.push(envelopeReason('SIGNATURE_OUTSIDE_HEADER'));

  const signedInfo = child(signature, 'SignedInfo');
  const references = signedInfo ? children(signedInfo, 'Reference') : [];
  const signatureAlgorithm = attribute(signedInfo && child(signedInfo, 'SignatureMethod'), 'Algorithm');
  const canonicalization = attribute(signedInfo && child(signedInfo, 'CanonicalizationMethod'), 'Algorithm');
  const digestAlgorithm = attribute(references[0] && child(references[0], 'DigestMethod'), 'Algorithm');
  const algorithms = { signatureAlgorithm, digestAlgorithm, canonicalization };
  const certificates = keyInfoCertificates(signature);

  if ([signatureAlgorithm, digestAlgorithm].some((a) => a !== undefined && WEAK.has(a))) {
    const legacyReasons = [
      envelopeReason('SIGNATURE_WEAK_ALGORITHM', { signatureAlgorithm, digestAlgorithm }),
    ];
    if (certificates.malformed) legacyReasons.push(envelopeReason('SIGNATURE_PLACEHOLDER'));
    return { ...base, ...algorithms, verdict: 'legacy', reasons: [...reasons, ...legacyReasons] };
  }
  if (!signedInfo || references.length === 0)
    return report({ ...base, ...algorithms }, [...reasons, envelopeReason('SIGNATURE_MALFORMED')]);
  if (references.length > 1) reasons.push(envelopeReason('REFERENCE_EXTRA', { count: references.length }));
  if (references[0].getAttribute('URI') !== '' || !references[0].hasAttribute('URI'))
    reasons.push(envelopeReason('REFERENCE_NOT_WHOLE_DOCUMENT', { uri: references[0].getAttribute('URI') }));
  if (
    !signatureAlgorithm ||
    // own keys only: an Algorithm named like an Object.prototype member ("constructor") is unsupported
    !Object.hasOwn(SIGNATURE_ALGORITHMS, signatureAlgorithm) ||
    !digestAlgorithm ||
    !Object.hasOwn(DIGEST_ALGORITHMS, digestAlgorithm) ||
    !canonicalization ||
    !C14N.has(canonicalization)
  )
    reasons.push(envelopeReason('ALGORITHM_UNSUPPORTED', algorithms));
  if (certificates.malformed) reasons.push(envelopeReason('KEYINFO_CERTIFICATE_MALFORMED'));
  else if (!certificates.signer) reasons.push(envelopeReason('KEYINFO_CERTIFICATE_MISSING'));
  if (reasons.some((r) => r.severity === 'error' || r.severity === 'indeterminate') || !certificates.signer)
    return report({ ...base, ...algorithms }, reasons);

  const check = checkEnvelopeCore(loaded, reduced, signature, certificates.signer);
  reasons.push(...check.reasons);
  if (!check.intact) return report({ ...base, ...algorithms }, reasons);

  const assessment = await assessSigningCertificate(
    {
      certificate: certificates.signer.raw,
      otherCertificates: certificates.others.map((c) => c.raw),
      at: new Date(verifiedAt),
    },
    {
      trustAnchors: [...trust.trustAnchors],
      crls: [...(trust.crls ?? [])],
      fetchRevocation: trust.fetchRevocation,
      fetchTimeoutMs: trust.fetchTimeoutMs,
    },
  );
  reasons.push(...assessment.reasons);
  return report(
    {
      ...base,
      ...algorithms,
      intact: true,
      signer: assessment.signer,
      signerCertificate: certificates.signer.raw,
      chain: assessment.chain,
      trusted: assessment.trusted,
      revocation: assessment.revocation,
    },
    reasons,
  );
}

function report(
  partial: Omit<EnvelopeReport, 'verdict' | 'reasons'>,
  reasons: EnvelopeReason[],
): EnvelopeReport {
  return { ...partial, verdict: verdictOf(reasons), reasons };
}

function verdictOf(reasons: readonly EnvelopeReason[]): EnvelopeVerdict {
  if (reasons.some((r) => r.severity === 'error')) return 'invalid';
  if (reasons.some((r) => r.severity === 'indeterminate')) return 'indeterminate';
  return 'valid';
}

/** every Signature element: XML-DSig ones anywhere, edXML-namespace ones (legacy) in the header */
function findSignatures(doc: Document): { dsig: Element[]; legacy: Element[] } {
  const dsig: Element[] = [];
  const legacy: Element[] = [];
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.localName === 'Signature') {
      if (el.namespaceURI === DSIG_NS) dsig.push(el);
      else if (el.namespaceURI === EDXML_NS || el.namespaceURI === null) legacy.push(el);
    }
    for (let n = el.lastChild; n; n = n.previousSibling) if (n.nodeType === 1) stack.push(n as Element);
  }
  return { dsig, legacy };
}

function children(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === DSIG_NS)
      out.push(n as Element);
  return out;
}

function child(parent: Element, name: string): Element | undefined {
  return children(parent, name)[0];
}

function attribute(el: Element | undefined, name: string): string | undefined {
  return el?.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

/**
 * Certificates parsed once across packages: each sender's certificate and its issuing CA come with
 * every package it sends. Immutable values; bounded so that a stream of new ones cannot grow it.
 */
const PARSED = new Map<string, X509Certificate>();
const PARSED_LIMIT = 512;

function parsedCertificate(base64: string): X509Certificate {
  let cert = PARSED.get(base64);
  if (!cert) {
    cert = new X509Certificate(Buffer.from(base64, 'base64'));
    if (PARSED.size >= PARSED_LIMIT) PARSED.delete(PARSED.keys().next().value as string);
    PARSED.set(base64, cert);
  }
  return cert;
}

/**
 * Whether `issuer` issued `subject` (name and signature), remembered per pair of the parsed
 * certificates above: a pure function of two immutable certificates, and the signature check it
 * saves came with every package.
 */
const ISSUED = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

function issued(issuer: X509Certificate, subject: X509Certificate): boolean {
  let bySubject = ISSUED.get(issuer);
  if (!bySubject) ISSUED.set(issuer, (bySubject = new WeakMap()));
  let result = bySubject.get(subject);
  if (result === undefined) {
    result = subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
    bySubject.set(subject, result);
  }
  return result;
}

interface KeyInfoCertificates {
  readonly signer?: X509Certificate;
  readonly others: X509Certificate[];
  readonly malformed: boolean;
}

/**
 * The certificates of KeyInfo/X509Data. The signer is the one that issued none of the others (our
 * builder puts it first; other software may not); the rest only help to build the chain.
 */
function keyInfoCertificates(signature: Element): KeyInfoCertificates {
  const keyInfo = child(signature, 'KeyInfo');
  const texts = (keyInfo ? children(keyInfo, 'X509Data') : []).flatMap((d) =>
    children(d, 'X509Certificate').map((c) => (c.textContent ?? '').replace(/\s+/g, '')),
  );
  if (texts.length === 0) return { others: [], malformed: false };
  let certs: X509Certificate[];
  try {
    certs = texts.map(parsedCertificate);
  } catch {
    return { others: [], malformed: true };
  }
  const leaves = certs.filter((c) => !certs.some((o) => o !== c && issued(c, o)));
  const signer = leaves.length === 1 ? leaves[0] : certs[0];
  return { signer, others: certs.filter((c) => c !== signer), malformed: false };
}
