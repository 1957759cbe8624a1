import { ROLES } from '@vanthu/identity';
import { z } from 'zod';

export const uuidParam = z.uuid();
const role = z.enum(ROLES);

export const createUserSchema = z.object({
  username: z.string().trim().min(3).max(64),
  fullName: z.string().trim().min(1).max(50),
  position: z.string().trim().max(100).nullish(),
  email: z.email().max(200).nullish(),
  unitId: z.uuid().nullish(),
  roles: z.array(role).max(4).default([]),
  password: z.string().min(1).max(256),
});

export const updateUserSchema = z.object({
  version: z.number().int().positive(),
  fullName: z.string().trim().min(1).max(50).optional(),
  position: z.string().trim().max(100).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});

export const setRolesSchema = z.object({ roles: z.array(role).max(4) });

export const resetPasswordSchema = z.object({ newPassword: z.string().min(1).max(256).optional() });

export const createUnitSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\p{N}_-]+$/u),
  name: z.string().trim().min(1).max(200),
  abbreviation: z.string().trim().min(1).max(20),
});

export const updateUnitSchema = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  abbreviation: z.string().trim().min(1).max(20).optional(),
  active: z.boolean().optional(),
});
