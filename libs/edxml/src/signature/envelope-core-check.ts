import type { X509Certificate } from 'node:crypto';
import type { Element, Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { DSIG_NS, XMLDSIG } from '../model/edxml-names';
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
 * SignedInfo (`loadSignature`), or, for a plain SignedInfo, the same values read from our DOM
 * (plainSignedInfo, below); the same policy as before is applied to them (one reference, URI="",
 * enveloped-signature then C14N), and only then is anything digested or verified.
 *
 * `checkSignature` would parse the markup a second time (xmldom 0.8), deep-clone the document for
 * the enveloped transform and find the signature again by XPath: two thirds of the CPU of reading a
 * 100 KB package. When SignedInfo is canonicalized by exclusive C14N without InclusiveNamespaces
 * (our packages and every signed package seen) and no prefix had to be assumed, the same steps run
 * on the document we already parsed: xml-crypto's enveloped-signature and C14N transforms applied
 * to our DOM (the Signature detached for the digest and put back), its hash classes, and the
 * signature value checked over xml-crypto's canonical SignedInfo, which is byte for byte the text
 * `loadSignature` parsed the references from (exclusive C14N renders no ancestor context without a
 * prefix list). Anything else goes through `checkSignature` unchanged. The tests hold the paths to
 * the same verdicts, and to xmlsec1's.
 */
export function checkEnvelopeCore(
  loaded: LoadedXml,
  reduced: ReducedDocument,
  signature: Element,
  signer: X509Certificate,
): CoreOutcome {
  const plain = plainSignedInfo(loaded, signature);
  if (plain) {
    const sig = heldToPolicy(signedXmlFor(reduced, signer, plain));
    return sig instanceof SignedXml ? checkOnParsedDocument(sig, loaded, signature, signer) : sig;
  }
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

/** xml-crypto with our algorithms and the signer's key object (handed to the algorithm, which then parses nothing) */
function signedXmlFor(reduced: ReducedDocument, signer: X509Certificate, plain?: PlainSignedInfo): SignedXml {
  const sig = new SignedXml({ publicCert: signer.publicKey, getCertFromKeyInfo: () => null });
  sig.HashAlgorithms = {
    [XMLDSIG.sha256]: splicingHash(reduced, 'sha256', XMLDSIG.sha256),
    [XMLDSIG.sha512]: splicingHash(reduced, 'sha512', XMLDSIG.sha512),
  };
  sig.SignatureAlgorithms = { ...SIGNATURE_ALGORITHMS };
  if (plain) {
    sig.canonicalizationAlgorithm = XMLDSIG.excC14n;
    sig.signatureAlgorithm = plain.signatureAlgorithm;
    sig.addReference({ ...plain.reference, xpath: undefined, isEmptyUri: false });
  }
  return sig;
}

/** xml-crypto loads the signature: its references from its own canonical SignedInfo */
function loadedSignature(
  reduced: ReducedDocument,
  signature: Element,
  signer: X509Certificate,
): SignedXml | CoreOutcome {
  const sig = signedXmlFor(reduced, signer);
  try {
    // a node of our (0.9) DOM; xml-crypto canonicalizes its SignedInfo and reads the references from that
    sig.loadSignature(signature as unknown as XmlCryptoNode);
  } catch (e) {
    return failed('SIGNATURE_MALFORMED', { error: message(e) });
  }
  return heldToPolicy(sig);
}

/** The references as they will be checked, held to the policy: one, the whole document, enveloped then C14N. */
function heldToPolicy(sig: SignedXml): SignedXml | CoreOutcome {
  const refs = sig.getReferences();
  const transforms = refs[0]?.transforms ?? [];
  if (refs.length !== 1 || refs[0].uri !== '')
    return failed('REFERENCE_NOT_WHOLE_DOCUMENT', { references: refs.length });
  if (transforms.length !== 2 || transforms[0] !== XMLDSIG.enveloped || !C14N.has(transforms[1]))
    return failed('TRANSFORM_NOT_ALLOWED', { transforms: [...transforms] });
  return sig;
}

interface PlainSignedInfo {
  readonly signatureAlgorithm: string;
  readonly reference: {
    readonly uri: string;
    readonly transforms: string[];
    readonly digestAlgorithm: string;
    readonly digestValue: string;
    readonly inclusiveNamespacesPrefixList: string[];
  };
}

/**
 * SignedInfo read straight from the parsed document, when it has the plain shape every signer we
 * have seen writes: DSIG elements only, white space between them, CanonicalizationMethod (exclusive
 * C14N, no prefix list), SignatureMethod, one Reference of Transforms (each Transform empty),
 * DigestMethod and DigestValue (text only). No comment, CDATA, processing instruction or other
 * element anywhere in it, so its canonical form says exactly what this reading says: what
 * xml-crypto's `loadSignature` would read back from that canonical form (after its serialization,
 * canonicalization, second parse and XPath queries, two fifths of reading a package at a hub).
 * The same values are built the same way (a Reference ending with enveloped-signature, or with no
 * Transforms, gets inclusive C14N appended, as xml-crypto does). Anything else: undefined, and
 * xml-crypto reads it.
 */
function plainSignedInfo(loaded: LoadedXml, signature: Element): PlainSignedInfo | undefined {
  if (loaded.undeclaredPrefixes.length > 0) return undefined;
  // SignedInfo first: xml-crypto takes the first CanonicalizationMethod and SignatureMethod anywhere
  // in the Signature, so both read the same ones
  const signedInfos = childrenNamed(signature, 'SignedInfo');
  const first = firstElementChild(signature);
  if (signedInfos.length !== 1 || first !== signedInfos[0] || !isDsig(first, 'SignedInfo')) return undefined;
  const parts = plainChildren(first);
  if (parts?.length !== 3) return undefined;
  const [c14n, method, reference] = parts;
  if (
    !isDsig(c14n, 'CanonicalizationMethod') ||
    c14n.getAttribute('Algorithm') !== XMLDSIG.excC14n ||
    plainChildren(c14n)?.length !== 0 ||
    !isDsig(method, 'SignatureMethod') ||
    !method.hasAttribute('Algorithm') ||
    plainChildren(method)?.length !== 0 ||
    !isDsig(reference, 'Reference')
  )
    return undefined;
  const refParts = plainChildren(reference);
  if (refParts?.length !== 3) return undefined;
  const [transformsElement, digestMethod, digestValue] = refParts;
  const transformList = isDsig(transformsElement, 'Transforms')
    ? plainChildren(transformsElement)
    : undefined;
  if (
    !transformList ||
    transformList.length === 0 ||
    transformList.some(
      (t) => !isDsig(t, 'Transform') || !t.hasAttribute('Algorithm') || plainChildren(t)?.length !== 0,
    ) ||
    !isDsig(digestMethod, 'DigestMethod') ||
    !digestMethod.hasAttribute('Algorithm') ||
    plainChildren(digestMethod)?.length !== 0 ||
    !isDsig(digestValue, 'DigestValue') ||
    !onlyText(digestValue)
  )
    return undefined;
  const transforms = transformList.map((t) => t.getAttribute('Algorithm')!);
  if (transforms[transforms.length - 1] === XMLDSIG.enveloped) transforms.push(XMLDSIG.c14n);
  const value = digestValue.textContent ?? '';
  if (!value) return undefined;
  return {
    signatureAlgorithm: method.getAttribute('Algorithm')!,
    reference: {
      // a missing URI reads as '', as in xml-crypto (verifyEnvelope refused it before either)
      uri: reference.getAttribute('URI') ?? '',
      transforms,
      digestAlgorithm: digestMethod.getAttribute('Algorithm')!,
      digestValue: value,
      inclusiveNamespacesPrefixList: [],
    },
  };
}

/** The element children, when every other child is white-space text; undefined otherwise. */
function plainChildren(parent: Element): Element[] | undefined {
  const out: Element[] = [];
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
    else if (n.nodeType !== 3 || !/^[ \t\r\n]*$/.test(n.nodeValue ?? '')) return undefined;
  }
  return out;
}

/** Only text children (no comment, CDATA, element, processing instruction). */
function onlyText(parent: Element): boolean {
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling) if (n.nodeType !== 3) return false;
  return true;
}

function firstElementChild(parent: Element): Element | undefined {
  for (let n: Node | null = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1) return n as Element;
  return undefined;
}

function isDsig(element: Element, localName: string): boolean {
  return element.namespaceURI === DSIG_NS && element.localName === localName;
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
  const Hash = own(sig.HashAlgorithms, ref.digestAlgorithm);
  if (!Hash) return failed('SIGNATURE_MALFORMED', { error: 'digest algorithm' });
  let digest: string;
  try {
    digest = new Hash().getHash(envelopeCanonicalForm(sig, loaded, signature));
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
  const Algorithm = own(sig.SignatureAlgorithms, sig.signatureAlgorithm ?? '');
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
      const Transform = own(sig.CanonicalizationAlgorithms, transform);
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

/** An algorithm class by its URI, own keys only: a URI named like an Object.prototype member is none. */
function own<T>(table: Record<string, T>, uri: string): T | undefined {
  return Object.hasOwn(table, uri) ? table[uri] : undefined;
}

function failed(code: Parameters<typeof envelopeReason>[0], details?: Record<string, unknown>): CoreOutcome {
  return { intact: false, reasons: [envelopeReason(code, details)] };
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}
