import { createHash, type Hash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { EDXML_NS, EDXML_PREFIX } from '../model/edxml-names';
import { Base64Cache } from './attachment-source';
import { ChunkedOutput } from './chunked-output';
import { CanonicalXmlWriter, indent } from './canonical-xml';
import { normalizeEdocInput, type NormalizedAttachment } from './edoc-input.normalizer';
import { envelopeSigner, signatureElement } from './envelope-signature';
import {
  writeAttachmentHead,
  writeEdocMessageHeader,
  writeManifest,
  writeStatusMessageHeader,
  writeTraceHeaderList,
} from './header.writer';
import type { BuildOptions, EdocPackageInput, StatusPackageInput } from './package-input';
import { normalizeStatusInput } from './status-input.normalizer';

export interface BuiltPackage {
  readonly documentId?: string;
  readonly bytes: number;
  readonly signed: boolean;
  /** base64 SHA-256 of the envelope as signed (the Reference's DigestValue) */
  readonly envelopeDigest: string;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SIGNATURE_DEPTH = 3;

/** A document as pieces: text, and attachment bodies that stream in as base64. */
type Piece = string | NormalizedAttachment;

interface Layout {
  /** root start tag up to where the Signature goes (end of the header's last element) */
  readonly beforeSignature: readonly Piece[];
  /** after the Signature to the root end tag */
  readonly afterSignature: readonly Piece[];
}

/**
 * Builds a signed (with `options.signer`) or unsigned edoc package and writes it to `out`. Same
 * input, same key, same bytes. Attachments stream through in bounded memory: a signed package reads
 * each source twice (first for the envelope digest, then to write), so a 50 MB PDF is never held.
 * Throws EDXML_INVALID_INPUT before writing anything; `out` is left for the caller to discard if a
 * source fails later (EDXML_SOURCE_UNREADABLE).
 */
export async function buildEdocPackage(
  input: EdocPackageInput,
  out: Writable,
  options: BuildOptions = {},
): Promise<BuiltPackage> {
  const edoc = normalizeEdocInput(input);
  const w = new CanonicalXmlWriter(EDXML_PREFIX);
  writeEdocMessageHeader(w, edoc.header, 3);
  writeTraceHeaderList(w, edoc.traceHeaderList, 3);
  const body = new CanonicalXmlWriter(EDXML_PREFIX);
  body.close('edXMLHeader', 2);
  writeManifest(body, edoc.attachments, 2);
  body.close('edXMLEnvelope', 1);
  const after: Piece[] = [body.toString()];
  if (edoc.attachments.length > 0) {
    after.push(new CanonicalXmlWriter(EDXML_PREFIX).open('AttachmentEncoded', 1).toString());
    for (const a of edoc.attachments) {
      const head = new CanonicalXmlWriter(EDXML_PREFIX);
      writeAttachmentHead(head, a, 2);
      after.push(head.toString(), a, `</edXML:ContentTransferEncoded>\n${indent(2)}</edXML:Attachment>`);
    }
    after.push(new CanonicalXmlWriter(EDXML_PREFIX).close('AttachmentEncoded', 1).toString());
  }
  after.push('\n</edXML:edXML>');
  const result = await emit(
    { beforeSignature: [rootStart() + w.toString()], afterSignature: after },
    out,
    options,
  );
  return { ...result, documentId: edoc.header.documentId };
}

/** A status package (no body, no attachments), signed with `options.signer` when given. */
export async function buildStatusPackage(
  input: StatusPackageInput,
  out: Writable,
  options: BuildOptions = {},
): Promise<BuiltPackage> {
  const status = normalizeStatusInput(input);
  const w = new CanonicalXmlWriter(EDXML_PREFIX);
  writeStatusMessageHeader(w, status, 3);
  const tail = new CanonicalXmlWriter(EDXML_PREFIX).close('edXMLHeader', 2).close('edXMLEnvelope', 1);
  return emit(
    { beforeSignature: [rootStart() + w.toString()], afterSignature: [tail.toString(), '\n</edXML:edXML>'] },
    out,
    options,
  );
}

function rootStart(): string {
  return (
    `<${EDXML_PREFIX}:edXML xmlns:${EDXML_PREFIX}="${EDXML_NS}">` +
    `\n${indent(1)}<${EDXML_PREFIX}:edXMLEnvelope>\n${indent(2)}<${EDXML_PREFIX}:edXMLHeader>`
  );
}

async function emit(
  layout: Layout,
  out: Writable,
  options: BuildOptions,
): Promise<Omit<BuiltPackage, 'documentId'>> {
  const cache = new Base64Cache();
  const signer = options.signer ? envelopeSigner(options.signer, options.now ?? new Date()) : undefined;
  // The enveloped-signature transform removes the Signature element and nothing else, so the
  // indentation in front of it stays in what is signed.
  const signatureIndent = signer ? `\n${indent(SIGNATURE_DEPTH)}` : '';
  const signedPieces = [...layout.beforeSignature, signatureIndent, ...layout.afterSignature];
  const hash = createHash('sha256');
  if (signer) for await (const text of texts(signedPieces, cache)) hash.update(text, 'utf8');
  const digest = signer ? hash.digest('base64') : undefined;
  const signature = signer ? signatureElement(signer, digest!) : '';

  const unsignedHash: Hash | undefined = signer ? undefined : createHash('sha256');
  const output = new ChunkedOutput(out);
  await output.write(DECLARATION);
  for await (const text of texts(layout.beforeSignature, cache)) {
    unsignedHash?.update(text, 'utf8');
    await output.write(text);
  }
  await output.write(signatureIndent + signature);
  for await (const text of texts(layout.afterSignature, cache)) {
    unsignedHash?.update(text, 'utf8');
    await output.write(text);
  }
  await output.write('\n');
  await output.flush();
  return {
    bytes: output.bytes,
    signed: signer !== undefined,
    envelopeDigest: digest ?? unsignedHash!.digest('base64'),
  };
}

async function* texts(pieces: readonly Piece[], cache: Base64Cache): AsyncGenerator<string> {
  for (const piece of pieces) {
    if (typeof piece === 'string') yield piece;
    else yield* cache.pieces(piece.source);
  }
}
