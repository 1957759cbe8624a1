import { z } from 'zod';
import { instant } from '../http/response-fields';

export const auditEventSchema = z
  .object({
    seq: z.string().meta({ description: 'Số thứ tự trong chuỗi (tăng dần)' }),
    occurredAt: instant,
    actorName: z.string().nullable(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
