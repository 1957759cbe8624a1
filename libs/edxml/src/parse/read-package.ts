import type { Element } from '@xmldom/xmldom';
import { edxmlError } from '../edxml.errors';
import { DEFAULT_EDXML_LIMITS, type EdxmlLimits } from '../edxml-limits';
import { EDXML_NS } from '../model/edxml-names';
import type { ParsedPackage } from '../model/parsed-package';
import { envelopeReason } from '../signature/envelope-reasons';
import type { EnvelopeReport, EnvelopeTrust } from '../signature/envelope-report';
import { verifyEnvelope } from '../signature/envelope-verifier';
import { readAttachments, readManifest } from './attachment.reader';
import type { ZipBudget } from './zip-unwrap';
import { readEdocMessageHeader, readTraceHeaderList } from './header.reader';
import { LenientReader } from './lenient-reader';
import { checkEncoding, readPackageBytes, type PackageInput } from './package-bytes';
import { reduceDocument } from './reduced-document';
import { readStatusMessage } from './status.reader';
import { loadXml } from './xml-dom';

export interface ReadPackageOptions {
  readonly limits?: Partial<EdxmlLimits>;
  /** anchors and CRLs for the envelope's certificate; without them a good signature is `indeterminate` */
  readonly trust?: EnvelopeTrust;
  /**
   * `checked-before`: the caller verified the envelope of these exact bytes already (it holds them
   * by their SHA-256), so the signature is not checked again: the report is `indeterminate` with
   * ENVELOPE_NOT_CHECKED. Default `verify`.
   */
  readonly envelope?: 'verify' | 'checked-before';
}

/**
 * Reads an edoc or status package leniently and never trusts it: UTF-8 only, no DTD, bounded size,
 * depth and element count, well-formedness checked by @xmldom/xmldom 0.9 (EDXML_NOT_WELL_FORMED with
 * line and column), attachments decoded, unzipped and checked, nested packages opened, the envelope
 * signature verified. Large attachment bodies never become strings: the markup is parsed with each
 * set aside (reduced-document.ts), so memory stays near the package size plus its attachments.
 */
export async function readPackage(
  input: PackageInput,
  options: ReadPackageOptions = {},
): Promise<ParsedPackage> {
  const limits = { ...DEFAULT_EDXML_LIMITS, ...options.limits };
  const bytes = await readPackageBytes(input, limits.maxPackageBytes);
  const zipBudget: ZipBudget = { entries: limits.maxZipEntriesTotal };
  const trust = options.envelope === 'checked-before' ? null : (options.trust ?? { trustAnchors: [] });
  return readBytes(bytes, trust, limits, zipBudget, 0);
}

/** `trust` null: the envelope is not checked (ReadPackageOptions.envelope). */
async function readBytes(
  bytes: Buffer,
  trust: EnvelopeTrust | null,
  limits: EdxmlLimits,
  zipBudget: ZipBudget,
  nesting: number,
): Promise<ParsedPackage> {
  const { start, hadBom } = checkEncoding(bytes);
  const reduced = reduceDocument(bytes, start, limits);
  const loaded = loadXml(reduced, limits);
  const r = new LenientReader(reduced, limits);
  if (hadBom) r.note('BYTE_ORDER_MARK', '');
  if (reduced.xml.includes('\r\n')) r.note('CRLF_LINE_ENDINGS', '');
  if (loaded.undeclaredPrefixes.length > 0)
    r.note('UNDECLARED_PREFIX', '', loaded.undeclaredPrefixes.join(', '));

  const root = loaded.document.documentElement as Element;
  if (root.namespaceURI !== EDXML_NS && root.namespaceURI !== null) throw notEdxml('root');
  const envelope =
    root.localName === 'edXMLEnvelope' ? root : r.element(root, 'edXMLEnvelope', 'edXMLEnvelope');
  const header = envelope && r.element(envelope, 'edXMLHeader', 'edXMLHeader');
  const messageHeader = header && r.element(header, 'MessageHeader', 'edXMLHeader/MessageHeader');
  if (!envelope || !header || !messageHeader)
    throw notEdxml(!envelope ? 'edXMLEnvelope' : !header ? 'edXMLHeader' : 'MessageHeader');
  if (root.localName !== 'edXML' && root !== envelope) throw notEdxml('root');

  const signature = trust ? await verifyEnvelope(loaded, reduced, trust) : notChecked();
  const traceHeaderList = readTraceHeaderList(r, header);
  const common = { size: bytes.length, traceHeaderList, signature };
  if (r.elements(messageHeader, 'StatusCode').length > 0) {
    const status = readStatusMessage(r, messageHeader);
    return { kind: 'status', status, ...common, notes: r.notes };
  }
  const edocHeader = readEdocMessageHeader(r, messageHeader);
  const manifest = readManifest(r, envelope);
  const attachments = await readAttachments(root === envelope ? envelope : root, manifest, {
    reader: r,
    reduced,
    limits,
    readNested:
      nesting < limits.maxNesting ? (b) => readBytes(b, trust, limits, zipBudget, nesting + 1) : undefined,
    zipBudget,
  });
  return { kind: 'edoc', header: edocHeader, manifest, attachments, ...common, notes: r.notes };
}

function notChecked(): EnvelopeReport {
  return {
    verdict: 'indeterminate',
    reasons: [envelopeReason('ENVELOPE_NOT_CHECKED')],
    intact: false,
    chain: [],
    trusted: false,
    verifiedAt: new Date().toISOString(),
  };
}

function notEdxml(missing: string) {
  return edxmlError('EDXML_NOT_EDXML', { missing });
}
