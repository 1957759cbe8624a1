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

export const currentUserSchema = z
  .object({
    userId: id,
    username: z.string(),
    fullName: z.string(),
    agencyId: id,
    roles: z.array(roleGrantSchema),
  })
  .meta({ id: 'CurrentUser' });
