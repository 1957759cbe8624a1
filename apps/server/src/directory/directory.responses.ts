import { z } from 'zod';
import { count, id, instant, pageOf } from '../http/response-fields';

export const agencySchema = z
  .object({
    id,
    code: z.string().meta({ description: 'Mã định danh (QĐ 20/2020/QĐ-TTg), ví dụ 000.00.12.H15' }),
    name: z.string(),
    shortName: z.string().nullable(),
    abbreviation: z.string().nullable(),
    parentId: id.nullable(),
    parentCode: z.string().nullable(),
    levelLabel: z.string(),
    successorCode: z.string().nullable(),
    hosted: z.boolean(),
    isDemo: z.boolean(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: 'Agency' });

export const agencyPageSchema = pageOf(agencySchema, 'AgencyPage');

export const agencyDetailsSchema = z
  .object({ agency: agencySchema, ancestors: z.array(agencySchema) })
  .meta({ id: 'AgencyDetails' });

export const successorChainSchema = z
  .object({ current: agencySchema, chain: z.array(z.string()) })
  .meta({ id: 'SuccessorChain' });

export const importAgenciesResultSchema = z
  .object({ created: count, updated: count, unchanged: count })
  .meta({ id: 'ImportAgenciesResult' });
