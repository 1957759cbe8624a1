import { ROLES } from '@vanthu/identity';
import { z } from 'zod';
import { id, instant } from '../http/response-fields';
import { roleGrantSchema } from '../identity/identity.responses';

export const loginResultSchema = z
  .object({
    token: z.string().meta({ description: 'Gửi trong `Authorization: Bearer …` (trình duyệt dùng cookie)' }),
    expiresAt: instant,
    userId: id,
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'LoginResult' });

const agencyCode = z.string().meta({ description: 'Mã định danh cơ quan, ví dụ 000.00.12.H15' });

export const currentUserSchema = z
  .object({
    userId: id,
    username: z.string(),
    fullName: z.string(),
    agencyId: id,
    agencyCode,
    roles: z.array(roleGrantSchema.extend({ agencyCode })),
    agencies: z
      .array(z.object({ id, code: agencyCode, name: z.string(), roles: z.array(z.enum(ROLES)) }))
      .meta({
        description: 'Cơ quan của người dùng trước, rồi các cơ quan khác có vai trò (chuyển cơ quan)',
      }),
  })
  .meta({ id: 'CurrentUser' });
