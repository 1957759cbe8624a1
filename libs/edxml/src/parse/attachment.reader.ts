import { createHash } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';
import type { AttachmentDescription } from '../model/edoc-package';
import type { ParsedAttachment, ParsedPackage } from '../model/parsed-package';
import { checkPdf, declaredType, detectType } from './attachment-content';
import { decodeInline, decodeRun, type DecodedBody } from './base64-body';
import type { LenientReader } from './lenient-reader';
import type { ReducedDocument } from './reduced-document';
import { isZip, readZip, type ZipBudget } from './zip-unwrap';

/** Word, Excel, PowerPoint and OpenDocument files: ZIP archives by format (no type mismatch to note). */
const OFFICE_FILE = /\.(docx|docm|dotx|xlsx|xlsm|xltx|pptx|pptm|odt|ods|odp)$/i;

/** Opens an attachment that is itself a package (one level further down). */
export type NestedReader = (bytes: Buffer) => Promise<ParsedPackage>;

export interface AttachmentContext {
  readonly reader: LenientReader;
  readonly reduced: ReducedDocument;
  readonly limits: EdxmlLimits;
  /** undefined once the nesting limit is reached */
  readonly readNested?: NestedReader;
  /** ZIP entries the whole package may still list */
  readonly zipBudget: ZipBudget;
}

export function readManifest(r: LenientReader, envelope: Element): AttachmentDescription[] {
  const body = r.element(envelope, 'edXMLBody', 'edXMLBody');
  const manifest = body && r.element(body, 'edXMLManifest', 'edXMLBody/edXMLManifest');
  if (!manifest) return [];
  return r.elements(manifest, 'Reference').map((el, i) => {
    const p = `edXMLBody/edXMLManifest/Reference[${i + 1}]`;
    return {
      contentId: r.required(el, 'ContentId', `${p}/ContentId`),
      attachmentName: r.required(el, 'AttachmentName', `${p}/AttachmentName`),
      contentType: r.text(el, 'ContentType', `${p}/ContentType`) ?? '',
      description: r.text(el, 'Description', `${p}/Description`),
    };
  });
}

/**
 * Every Attachment of `AttachmentEncoded`: decoded, unwrapped when a ZIP stands in for a single file
 * whatever the declared type, checked when it is a PDF, opened when it is a package. Name and type
 * missing on the attachment are taken from the manifest entry with the same ContentId.
 */
export async function readAttachments(
  root: Element,
  manifest: readonly AttachmentDescription[],
  ctx: AttachmentContext,
): Promise<ParsedAttachment[]> {
  const r = ctx.reader;
  const encoded = r.element(root, 'AttachmentEncoded', 'AttachmentEncoded');
  const elements = encoded ? r.elements(encoded, 'Attachment') : [];
  if (elements.length > ctx.limits.maxAttachments)
    throw edxmlError('EDXML_TOO_LARGE', { what: 'attachments', limit: ctx.limits.maxAttachments });
  const out: ParsedAttachment[] = [];
  for (const [i, el] of elements.entries()) out.push(await readAttachment(el, i, manifest, ctx));
  for (const m of manifest)
    if (!out.some((a) => a.contentId === m.contentId))
      r.note('MANIFEST_WITHOUT_ATTACHMENT', 'edXMLBody/edXMLManifest', m.contentId);
  return out;
}

async function readAttachment(
  el: Element,
  index: number,
  manifest: readonly AttachmentDescription[],
  ctx: AttachmentContext,
): Promise<ParsedAttachment> {
  const r = ctx.reader;
  const p = `AttachmentEncoded/Attachment[${index + 1}]`;
  const contentId = r.required(el, 'ContentId', `${p}/ContentId`);
  const listed = manifest.find((m) => m.contentId === contentId);
  if (!listed) r.note('ATTACHMENT_NOT_IN_MANIFEST', `${p}/ContentId`, contentId);
  const description: AttachmentDescription = {
    contentId,
    attachmentName: r.text(el, 'AttachmentName', `${p}/AttachmentName`) ?? listed?.attachmentName ?? '',
    contentType: r.text(el, 'ContentType', `${p}/ContentType`) ?? listed?.contentType ?? '',
    description: r.text(el, 'Description', `${p}/Description`) ?? listed?.description,
  };
  const where = { contentId, attachmentName: description.attachmentName.slice(0, 100) };
  const body = decodeBody(el, p, ctx, where);
  if (body.unpadded) r.note('ATTACHMENT_BASE64_UNPADDED', `${p}/ContentTransferEncoded`);
  const encodedSha256 = sha256(body.bytes);
  let bytes = body.bytes;
  let unwrappedFrom: ParsedAttachment['unwrappedFrom'];
  const declared = declaredType(description.contentType, description.attachmentName);
  // an archive sent as one (declared and named .zip) is the file itself; any other ZIP holding
  // exactly one file is a wrapper (a Word file is a ZIP of many parts: listed, never unwrapped)
  const genuineZip = declared === 'zip' && /\.zip$/i.test(description.attachmentName);
  if (isZip(bytes) && !genuineZip) {
    const zip = await readZip(bytes, ctx.limits, ctx.zipBudget, where);
    if (zip.file) {
      r.note('ATTACHMENT_ZIP_WRAPPED', p, zip.file.name);
      unwrappedFrom = { format: 'zip', entryName: zip.file.name, size: bytes.length, sha256: encodedSha256 };
      bytes = zip.file.bytes;
    } else r.note('ATTACHMENT_ZIP_KEPT', p, zip.encrypted ? 'encrypted' : `${zip.entries}`);
    // a genuine ZIP is kept as it is: listed for bombs, not inflated
  } else if (isZip(bytes)) await readZip(bytes, ctx.limits, ctx.zipBudget, where, { listOnly: true });
  const detected = detectType(bytes);
  if (
    declared !== undefined &&
    declared !== detected &&
    !(declared === 'xml' && detected === 'edxml') &&
    !(detected === 'zip' && OFFICE_FILE.test(description.attachmentName))
  )
    r.note(
      'ATTACHMENT_TYPE_MISMATCH',
      p,
      `${description.contentType || description.attachmentName} → ${detected}`,
    );
  // what is a PDF by its bytes; a Word file declared application/pdf is kept as the file it is
  if (detected === 'pdf') checkPdf(bytes, where);
  let nested: ParsedPackage | undefined;
  if (detected === 'edxml' && ctx.readNested) {
    try {
      nested = await ctx.readNested(bytes);
      r.note('NESTED_PACKAGE', p);
    } catch (e) {
      r.note('NESTED_PACKAGE_UNREADABLE', p, (e as { code?: string }).code ?? (e as Error).message);
    }
  }
  return {
    ...description,
    bytes,
    size: bytes.length,
    sha256: bytes === body.bytes ? encodedSha256 : sha256(bytes),
    detectedType: detected,
    unwrappedFrom,
    nested,
  };
}

function decodeBody(
  el: Element,
  p: string,
  ctx: AttachmentContext,
  where: Record<string, unknown>,
): DecodedBody {
  const r = ctx.reader;
  const content = r.element(el, 'ContentTransferEncoded', `${p}/ContentTransferEncoded`);
  if (!content) {
    r.note('MISSING_ELEMENT', `${p}/ContentTransferEncoded`);
    return { bytes: Buffer.alloc(0), unpadded: false };
  }
  const raw = (content.textContent ?? '').trim();
  const token = new RegExp(`^EDXMLRUN${ctx.reduced.nonce}X(\\d+)X$`).exec(raw);
  if (token)
    return decodeRun(
      ctx.reduced.source,
      ctx.reduced.runs[Number(token[1])],
      ctx.limits.maxAttachmentBytes,
      where,
    );
  if (raw.includes(ctx.reduced.nonce))
    throw edxmlError('EDXML_ATTACHMENT_CORRUPT', { ...where, reason: 'not-base64' });
  return decodeInline(raw, ctx.limits.maxAttachmentBytes, where);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
