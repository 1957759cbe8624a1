import { z } from 'zod';
import { agencyCode, count, id, timestamp } from '../http/response-fields';

export const certificateViewSchema = z
  .object({
    id,
    agencyId: id,
    agencyCode,
    kind: z.enum(['organisation', 'personal']),
    ownerUserId: id.nullable().meta({ description: 'Người sở hữu (chứng thư cá nhân)' }),
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    notBefore: timestamp,
    notAfter: timestamp,
    sha256Fingerprint: z.string(),
    status: z.enum(['active', 'revoked', 'replaced']),
    replacedBy: id.nullable(),
    revokedAt: timestamp.nullable(),
    revokedReason: z.string().nullable(),
    createdAt: timestamp,
    expired: z.boolean(),
    expiresSoon: z.boolean().meta({ description: 'Còn hiệu lực nhưng hết hạn trong 30 ngày' }),
    notYetValid: z.boolean(),
    daysLeft: count,
    version: z.number().int(),
  })
  .meta({ id: 'Certificate' });

export const levelCountSchema = z
  .object({ levelLabel: z.string(), organisations: count, persons: count })
  .meta({ id: 'CertificateLevelCount' });

export const trustAnchorViewSchema = z
  .object({
    id,
    label: z.string(),
    subject: z.string(),
    serialNumber: z.string(),
    notBefore: timestamp,
    notAfter: timestamp,
    sha256Fingerprint: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'TrustAnchor' });

export const crlViewSchema = z
  .object({
    id,
    issuer: z.string(),
    thisUpdate: timestamp,
    nextUpdate: timestamp.nullable(),
    revokedCount: count,
    sha256Fingerprint: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'Crl' });
