import { ACTIVE_CONTENT_KIND_CODES } from '@vanthu/signing';
import { z } from 'zod';

const verdict = z.enum(['valid', 'invalid', 'indeterminate']);

const certificateSummary = z
  .object({
    subject: z.string(),
    commonName: z.string().optional(),
    organization: z.string().optional(),
    serialNumber: z.string(),
    issuer: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
  })
  .meta({ id: 'CertificateSummary' });

const verificationReason = z
  .object({
    code: z.string().meta({ description: 'Mã lý do ổn định, ví dụ CHAIN_UNTRUSTED, DIGEST_MISMATCH' }),
    severity: z.enum(['error', 'indeterminate', 'warning', 'info']),
    message: z.string().meta({ description: 'Giải thích tiếng Việt' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'VerificationReason' });

const signatureReport = z
  .object({
    index: z.number().int().meta({ description: 'Thứ tự chữ ký (từ 1)' }),
    fieldName: z.string(),
    type: z.enum(['signature', 'document-timestamp']),
    subFilter: z.string(),
    level: z.enum(['B-B', 'B-T', 'B-LT', 'B-LTA', 'NOT_PADES', 'DOCUMENT_TIMESTAMP']),
    verdict,
    reasons: z.array(verificationReason),
    intact: z.boolean(),
    byteRange: z.array(z.number().int()),
    coveredRevision: z.number().int().optional(),
    coversWholeDocument: z.boolean(),
    digestAlgorithm: z.string().optional(),
    signatureAlgorithm: z.string().optional(),
    signer: certificateSummary.optional(),
    chain: z.array(certificateSummary),
    trusted: z.boolean(),
    signingTime: z.string().optional(),
    signingTimeSource: z.enum([
      'signature-timestamp',
      'document-timestamp',
      'claimed',
      'cms-signing-time',
      'none',
    ]),
    claimedSigningTime: z.string().optional(),
    timestamp: z
      .object({
        genTime: z.string(),
        valid: z.boolean(),
        trusted: z.boolean(),
        authority: certificateSummary.optional(),
      })
      .optional(),
    revocation: z.object({
      status: z.enum(['good', 'revoked', 'unknown']),
      source: z.enum(['crl', 'ocsp']).optional(),
      revokedAt: z.string().optional(),
      checkedAt: z.string().optional(),
    }),
    certification: z.object({ permission: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).optional(),
    changesAfter: z.array(
      z.object({
        revision: z.number().int(),
        kind: z.string().meta({ description: 'Loại thay đổi, ví dụ SIGNATURE_ADDED, PAGE_CONTENT_CHANGED' }),
        allowed: z.boolean(),
        objects: z.array(z.number().int()),
        message: z.string(),
      }),
    ),
    signerName: z.string().optional(),
    reason: z.string().optional(),
    location: z.string().optional(),
  })
  .meta({ id: 'SignatureReport' });

const activeContentFinding = z
  .object({
    kind: z.enum(ACTIVE_CONTENT_KIND_CODES).meta({ description: 'Loại nội dung chủ động, ví dụ JAVASCRIPT' }),
    message: z.string().meta({ description: 'Tên tiếng Việt của loại nội dung' }),
    objects: z.array(z.number().int()).meta({ description: 'Số hiệu các đối tượng PDF chứa nội dung' }),
    revisions: z.array(z.number().int()).meta({
      description: 'Các phiên bản (từ 1) mà bảng tham chiếu chéo đầu tiên liệt kê các đối tượng đó',
    }),
    unlisted: z.boolean().meta({
      description: 'Có đối tượng nằm ngoài mọi bảng tham chiếu chéo (chỉ phần mềm sửa tệp hỏng mới đọc)',
    }),
  })
  .meta({ id: 'ActiveContentFinding' });

/** The verifier's report (libs/signing VerificationReport). */
export const verificationReportSchema = z
  .object({
    verdict: z.enum(['valid', 'invalid', 'indeterminate', 'unsigned']),
    revisions: z.number().int(),
    signatures: z.array(signatureReport),
    documentReasons: z.array(verificationReason),
    activeContent: z.array(activeContentFinding).optional().meta({
      description:
        'Nội dung chủ động (mã lệnh, tệp nhúng, hành động tự thực hiện …) trong tệp; có thì documentReasons có ACTIVE_CONTENT. Báo cáo lưu trước khi có trường này không có nó.',
    }),
    verifiedAt: z.string(),
  })
  .meta({ id: 'VerificationReport' });
