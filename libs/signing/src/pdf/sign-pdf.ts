import { createHash } from 'node:crypto';
import { isAppException } from '@vanthu/shared';
import { parseCertificate, type CertificateInfo } from '../certificates/certificate-info';
import { assertUsableForSigning } from '../certificates/certificate-usage';
import { nameValue } from '../certificates/distinguished-name';
import { digestAlgorithmInfo } from '../cms/digest-algorithm';
import { createPadesCms } from '../cms/pades-cms';
import type { SigningIdentity } from '../keys/signing-identity';
import { pdfSigningError } from '../pdf-signing.errors';
import { openPdfDocument } from './document/pdf-document';
import { malformed } from './io/pdf-reader';
import type { PdfSignRequest } from './pdf-sign-request';
import { planOrganisationSignature } from './roles/organisation-signature.plan';
import { planPersonalSignature } from './roles/personal-signature.plan';
import type { RoleContext, RolePlan } from './roles/signature-plan';
import { planAttachmentSignature, planCopySignature } from './roles/text-stamp.plan';
import { appendSignature } from './signature/append-signature';
import { placeholderBytes } from './signature/placeholder-size';

// An identity is opened once and signs many documents; parsing its certificate (pkijs) costs more
// than the rest of an invisible signature, so parses are kept by the certificate's digest (a worker
// thread receives a new copy of the bytes with every message, so the Buffer itself is no key).
const parsedCertificates = new Map<string, CertificateInfo>();
const PARSED_CERTIFICATES_KEPT = 64;

function certificateInfo(der: Buffer): CertificateInfo {
  const key = createHash('sha256').update(der).digest('base64');
  let info = parsedCertificates.get(key);
  if (!info) {
    info = parseCertificate(der);
    parsedCertificates.set(key, info);
    if (parsedCertificates.size > PARSED_CERTIFICATES_KEPT)
      parsedCertificates.delete(parsedCertificates.keys().next().value!);
  }
  return info;
}

/** Buffers sent to a worker thread arrive as plain Uint8Arrays; view them as Buffers again (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// The CMS layer keeps per-identity work with the identity object, so the same object must come back.
const normalizedIdentities = new WeakMap<SigningIdentity, SigningIdentity>();

function normalizeIdentity(identity: SigningIdentity): SigningIdentity {
  if (Buffer.isBuffer(identity.certificate) && identity.chain.every((c) => Buffer.isBuffer(c)))
    return identity;
  let normalized = normalizedIdentities.get(identity);
  if (!normalized) {
    normalized = {
      privateKey: identity.privateKey,
      certificate: asBuffer(identity.certificate),
      chain: identity.chain.map(asBuffer),
    };
    normalizedIdentities.set(identity, normalized);
  }
  return normalized;
}

function normalizeRequest(request: PdfSignRequest): PdfSignRequest {
  const identity = normalizeIdentity(request.identity);
  switch (request.role) {
    case 'personal':
      return { ...request, identity, image: request.image && asBuffer(request.image) };
    case 'organisation':
      return { ...request, identity, sealImage: asBuffer(request.sealImage) };
    default:
      return { ...request, identity };
  }
}

function planRole(request: PdfSignRequest, context: RoleContext): Promise<RolePlan> {
  switch (request.role) {
    case 'personal':
      return planPersonalSignature(request, context);
    case 'organisation':
      return planOrganisationSignature(request, context);
    case 'attachment':
      return planAttachmentSignature(request, context);
    case 'copy':
      return planCopySignature(request, context);
    default:
      throw pdfSigningError('PDF_SIGN_REQUEST_INVALID', { field: 'role' });
  }
}

/**
 * Signs a PDF as one of the four ND30 roles and returns the input with one incremental update
 * appended (PAdES B-B, or B-T with a timestamp authority). The input is never changed; every earlier
 * signature stays valid. Usable from a worker thread: the request holds only data, a KeyObject and
 * optionally a TimestampAuthority constructed in that thread.
 *
 * Errors (AppException): PDF_NOT_PDF, PDF_MALFORMED, PDF_ENCRYPTED, PDF_CERTIFIED_NO_CHANGES,
 * IMAGE_NOT_PNG, IMAGE_TOO_LARGE, PLACEMENT_OFF_PAGE, PLACEMENT_NOT_FOUND, SIGNER_NAME_MISMATCH,
 * SIGNATURE_PLACEHOLDER_TOO_SMALL, PDF_SIGN_REQUEST_INVALID, CERT_EXPIRED, CERT_NOT_YET_VALID,
 * CERT_KEY_USAGE_INVALID, CERT_MALFORMED, and the TSA_* / SIGNING_* codes of the CMS layer.
 */
export async function signPdf(pdf: Buffer | Uint8Array, signRequest: PdfSignRequest): Promise<Buffer> {
  const input = asBuffer(pdf);
  const request = normalizeRequest(signRequest);
  const signingTime = request.signingTime ?? request.clock?.now() ?? new Date();
  const certificate = assertUsableForSigning(certificateInfo(request.identity.certificate), signingTime);
  const digestAlgorithm = request.digestAlgorithm ?? 'SHA-256';
  const digest = digestAlgorithmInfo(digestAlgorithm).nodeName;
  const doc = openPdfDocument(input);
  let plan: RolePlan;
  try {
    plan = await planRole(request, {
      doc,
      signingTime,
      certificateName: nameValue(certificate.subjectAttributes, 'CN'),
    });
  } catch (error) {
    throw isAppException(error) ? error : malformed(error);
  }
  const contentsBytes =
    request.placeholderBytes ?? placeholderBytes(request.identity, request.timestampAuthority !== undefined);
  try {
    return await appendSignature(
      doc,
      {
        ...plan,
        signingTime,
        digest,
        contentsBytes,
        reason: request.reason,
        location: request.location,
      },
      (documentDigest) =>
        createPadesCms({
          documentDigest,
          digestAlgorithm,
          identity: request.identity,
          rsaPadding: request.rsaPadding,
          timestampAuthority: request.timestampAuthority,
        }),
    );
  } catch (error) {
    throw isAppException(error) ? error : malformed(error);
  }
}
