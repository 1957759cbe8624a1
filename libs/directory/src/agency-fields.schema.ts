import { z } from 'zod';

const vietnamese = z.locales.vi();

function clean(value: unknown): unknown {
  // NFC so that a name typed with combining marks and one typed precomposed are the same text.
  return typeof value === 'string' ? value.trim().normalize('NFC') : value;
}

const requiredText = (max: number) =>
  z.preprocess(
    clean,
    z
      .string({ error: (issue) => (issue.input == null ? 'Thiếu thông tin bắt buộc.' : undefined) })
      .min(1, 'Không được để trống.')
      .max(max),
  );

/** Empty text means "none", so a blank CSV cell and a JSON null are the same. */
const optionalText = (max: number) =>
  z.preprocess((v) => {
    const c = clean(v);
    return c === '' ? null : c;
  }, z.string().max(max).nullable().optional());

// Codes are only bounded here; their format is checked by normalizeAgencyCode so that a bad code
// gets its own stable error (AGENCY_CODE_INVALID).
const codeText = requiredText(100);
const optionalCode = optionalText(100);

const contact = {
  address: optionalText(300),
  email: optionalText(200),
  phone: optionalText(30),
  website: optionalText(200),
};

/** A complete agency: the body of a create, and one row of an import file. */
export const agencyRecordSchema = z.strictObject({
  code: codeText,
  name: requiredText(200),
  shortName: optionalText(100),
  abbreviation: optionalText(20),
  parentCode: optionalCode,
  levelLabel: requiredText(50),
  successorCode: optionalCode,
  hosted: z.boolean().default(false),
  isDemo: z.boolean().default(false),
  ...contact,
});

/** What callers pass (validated at run time by agencyRecordSchema); blank text means none. */
export interface AgencyRecordInput {
  code: string;
  name: string;
  levelLabel: string;
  shortName?: string | null;
  abbreviation?: string | null;
  parentCode?: string | null;
  successorCode?: string | null;
  hosted?: boolean;
  isDemo?: boolean;
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
}

/** The changes of an update: an absent key keeps the value, null clears it. The code never changes. */
export const agencyChangesSchema = z.strictObject({
  name: requiredText(200).optional(),
  shortName: optionalText(100),
  abbreviation: optionalText(20),
  parentCode: optionalCode,
  levelLabel: requiredText(50).optional(),
  successorCode: optionalCode,
  hosted: z.boolean().optional(),
  ...contact,
});

/** An absent key keeps the stored value; null clears an optional one. */
export type AgencyChangesInput = Partial<Omit<AgencyRecordInput, 'code' | 'isDemo'>>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Parses with Vietnamese messages; issues carry a dotted path. */
export function parseWithIssues<T extends z.ZodType>(
  schema: T,
  value: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: FieldIssue[] } {
  const result = schema.safeParse(value, { error: vietnamese.localeError });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
