import type { X509Certificate } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { XMLDSIG } from '../model/edxml-names';
import type { ReducedDocument } from '../parse/reduced-document';
import type { LoadedXml } from '../parse/xml-dom';
import { envelopeReason } from './envelope-reasons';
import type { EnvelopeReason } from './envelope-report';
import { SIGNATURE_ALGORITHMS, splicingHash } from './xml-crypto-algorithms';

const C14N = new Set<string>([XMLDSIG.excC14n, XMLDSIG.c14n]);

export interface CoreOutcome {
  readonly intact: boolean;
  readonly reasons: EnvelopeReason[];
}

type XmlCryptoNode = Parameters<SignedXml['getCanonXml']>[1];

/**
 * XML-DSig core validation of the envelope (digest of the one reference, then the signature value)
 * by xml-crypto (≥ 6.1): the references are those xml-crypto loads from its own canonical
 * SignedInfo (`loadSignature`), the same policy as before is applied to them (one reference,
 * URI="", enveloped-signature then C14N), and only then is anything digested or verified.
 *
 * `checkSignature` would parse the markup a second time (xmldom 0.8), deep-clone the document for
 * the enveloped transform and find the signature again by XPath: two thirds of the CPU of reading a
 * 100 KB package. When SignedInfo is canonicalized by exclusive C14N without InclusiveNamespaces
 * (our packages and every signed package seen) and no prefix had to be assumed, the same steps run
 * on the document we already parsed: xml-crypto's enveloped-signature and C14N transforms applied
 * to our DOM (the Signature detached for the digest and put back), its hash classes, and the
 * signature value checked over xml-crypto's canonical SignedInfo, which is byte for byte the text
 * `loadSignature` parsed the references from (exclusive C14N renders no ancestor context without a
 * prefix list). Anything else goes through `checkSignature` unchanged. The tests hold both paths
 * to the same verdicts, and to xmlsec1's.
 */
export function checkEnvelopeCore(
  loaded: LoadedXml,
  reduced: ReducedDocument,
  signature: Element,
  signer: X509Certificate,
): CoreOutcome {
  const sig = loadedSignature(reduced, signature, signer);
  if (!(sig instanceof SignedXml)) return sig;
  return singleDocumentApplies(loaded, sig, signature)
    ? checkOnParsedDocument(sig, loaded, signature, signer)
    : checkWithSignedXml(sig, loaded.xml);
}

/** The path `checkEnvelopeCore` takes when the single-document one does not apply (also the tests' reference). */
export function checkEnvelopeWithCheckSignature(
  loaded: LoadedXml,
  reduced: ReducedDocument,
  signature: Element,
  signer: X509Certificate,
): CoreOutcome {
  const sig = loadedSignature(reduced, signature, signer);
  return sig instanceof SignedXml ? checkWithSignedXml(sig, loaded.xml) : sig;
}

/** xml-crypto with our algorithms, the signature loaded, its references held to the policy */
function loadedSignature(
  reduced: ReducedDocument,
  signature: Element,
  signer: X509Certificate,
): SignedXml | CoreOutcome {
  // the key object itself: xml-crypto hands it to the algorithm, which then parses nothing
  const sig = new SignedXml({ publicCert: signer.publicKey, getCertFromKeyInfo: () => null });
  sig.HashAlgorithms = {
    [XMLDSIG.sha256]: splicingHash(reduced, 'sha256', XMLDSIG.sha256),
    [XMLDSIG.sha512]: splicingHash(reduced, 'sha512', XMLDSIG.sha512),
  };
  sig.SignatureAlgorithms = { ...SIGNATURE_ALGORITHMS };
  try {
    // a node of our (0.9) DOM; xml-crypto canonicalizes its SignedInfo and reads the references from that
    sig.loadSignature(signature as unknown as XmlCryptoNode);
  } catch (e) {
    return failed('SIGNATURE_MALFORMED', { error: message(e) });
  }
  // the references as xml-crypto will check them (from its canonical SignedInfo): the same policy
  const refs = sig.getReferences();
  const transforms = refs[0]?.transforms ?? [];
  if (refs.length !== 1 || refs[0].uri !== '')
    return failed('REFERENCE_NOT_WHOLE_DOCUMENT', { references: refs.length });
  if (transforms.length !== 2 || transforms[0] !== XMLDSIG.enveloped || !C14N.has(transforms[1]))
    return failed('TRANSFORM_NOT_ALLOWED', { transforms: [...transforms] });
  return sig;
}

function singleDocumentApplies(loaded: LoadedXml, sig: SignedXml, signature: Element): boolean {
  if (sig.canonicalizationAlgorithm !== XMLDSIG.excC14n || loaded.undeclaredPrefixes.length > 0) return false;
  const signedInfo = childrenNamed(signature, 'SignedInfo');
  const method = signedInfo.length === 1 ? childrenNamed(signedInfo[0], 'CanonicalizationMethod') : [];
  return signedInfo.length === 1 && method.every((m) => childrenNamed(m, 'InclusiveNamespaces').length === 0);
}

function checkOnParsedDocument(
  sig: SignedXml,
  loaded: LoadedXml,
  signature: Element,
  signer: X509Certificate,
): CoreOutcome {
  const ref = sig.getReferences()[0];
  let digest: string;
  try {
    digest = new sig.HashAlgorithms[ref.digestAlgorithm]().getHash(
      envelopeCanonicalForm(sig, loaded, signature),
    );
  } catch (e) {
    return failed('SIGNATURE_MALFORMED', { error: message(e) });
  }
  const supplied = String(ref.digestValue);
  if (!Buffer.from(digest, 'base64').equals(Buffer.from(supplied, 'base64')))
    return failed('DIGEST_MISMATCH', { error: `calculated ${digest}, supplied ${supplied}`.slice(0, 200) });
  // the canonical SignedInfo loadSignature read the references from: same algorithm, same node
  // (getCanonXml would canonicalize a deep clone, which exclusive C14N without a prefix list does
  // not need: it changes nothing and renders no ancestor)
  const signedInfo = childrenNamed(signature, 'SignedInfo')[0] as unknown as XmlCryptoNode;
  const canonicalSignedInfo = new sig.CanonicalizationAlgorithms[XMLDSIG.excC14n]().process(signedInfo, {
    defaultNsForPrefix: SignedXml.defaultNsForPrefix,
  });
  if (typeof canonicalSignedInfo !== 'string') return failed('SIGNATURE_MALFORMED');
  const Algorithm = sig.SignatureAlgorithms[sig.signatureAlgorithm ?? ''];
  if (!Algorithm) return failed('SIGNATURE_MALFORMED', { error: 'signature algorithm' });
  const value = signatureValue(signature);
  if (!new Algorithm().verifySignature(canonicalSignedInfo, signer.publicKey, value))
    return failed('SIGNATURE_VALUE_INVALID');
  return { intact: true, reasons: [] };
}

/**
 * The whole document through the reference's transforms (enveloped-signature, then C14N), applied
 * by xml-crypto's transform classes to our DOM. The enveloped transform detaches the Signature; it
 * is put back where it was, so the DOM is unchanged afterwards.
 */
function envelopeCanonicalForm(sig: SignedXml, loaded: LoadedXml, signature: Element): string {
  const ref = sig.getReferences()[0];
  const parent = signature.parentNode;
  const next = signature.nextSibling;
  const options = {
    signatureNode: signature as unknown as XmlCryptoNode,
    inclusiveNamespacesPrefixList: ref.inclusiveNamespacesPrefixList,
    ancestorNamespaces: [],
    defaultNsForPrefix: SignedXml.defaultNsForPrefix,
  };
  try {
    let out: unknown = loaded.document.documentElement;
    for (const transform of ref.transforms) {
      const Transform = sig.CanonicalizationAlgorithms[transform];
      if (!Transform || typeof out === 'string') throw new Error(`transform ${transform} out of place`);
      out = new Transform().process(out as XmlCryptoNode, options);
    }
    if (typeof out !== 'string') throw new Error('the transforms did not end in octets');
    return out;
  } finally {
    if (parent && signature.parentNode !== parent) parent.insertBefore(signature, next);
  }
}

/** xml-crypto's own `checkSignature`: its parse of the markup, its clone, its digest and signature check */
function checkWithSignedXml(sig: SignedXml, xml: string): CoreOutcome {
  let ok: boolean;
  try {
    ok = sig.checkSignature(xml);
  } catch (e) {
    if (/^invalid signature: the signature value .* is incorrect$/s.test(e instanceof Error ? e.message : ''))
      return failed('SIGNATURE_VALUE_INVALID');
    return failed('SIGNATURE_MALFORMED', { error: message(e) });
  }
  if (!ok) {
    const error = sig.getReferences()[0]?.validationError;
    return failed('DIGEST_MISMATCH', error ? { error: message(error).slice(0, 200) } : undefined);
  }
  if (sig.getSignedReferences().length !== 1) return failed('REFERENCE_NOT_WHOLE_DOCUMENT');
  return { intact: true, reasons: [] };
}

/** ds:SignatureValue's text without white space (base64 may be wrapped) */
function signatureValue(signature: Element): string {
  const value = childrenNamed(signature, 'SignatureValue')[0];
  return (value?.textContent ?? '').replace(/\s+/g, '');
}

/** element children by local name in any namespace, as xml-crypto looks them up */
function childrenNamed(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  return out;
}

function failed(code: Parameters<typeof envelopeReason>[0], details?: Record<string, unknown>): CoreOutcome {
  return { intact: false, reasons: [envelopeReason(code, details)] };
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}
