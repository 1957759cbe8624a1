import { ROLES } from '@vanthu/identity';
import { z } from 'zod';
import { agencyCode, id } from '../http/response-fields';

export const roleGrantSchema = z
  .object({ agencyId: id, agencyCode, role: z.enum(ROLES) })
  .meta({ id: 'RoleGrant' });

export const userViewSchema = z
  .object({
    id,
    username: z.string(),
    fullName: z.string(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    agencyId: id,
    agencyCode,
    unitId: id.nullable(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    roles: z.array(roleGrantSchema),
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const unitViewSchema = z
  .object({
    id,
    agencyId: id,
    agencyCode,
    code: z.string(),
    name: z.string(),
    abbreviation: z.string(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });
