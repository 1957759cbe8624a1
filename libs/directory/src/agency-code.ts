import { AppException } from '@vanthu/shared';

export const AGENCY_CODE_MAX_LENGTH = 35;

/**
 * `CCC.BB.AA.XNN` (the level-1 unit last, e.g. `000.00.00.G22`), optionally followed by further
 * dot-separated groups for units below the fourth level. Kept in sync with the check constraint
 * `ck_agency_code_format` of the directory migration.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}(\.[A-Z0-9]{1,8})*$/;

export function isValidAgencyCode(code: string): boolean {
  return code.length <= AGENCY_CODE_MAX_LENGTH && AGENCY_CODE_PATTERN.test(code);
}

/** The canonical form of a code typed or imported by a person: surrounding spaces dropped, upper case. */
export function canonicalAgencyCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Canonical code, or undefined when the input is not a valid agency code. */
export function tryNormalizeAgencyCode(raw: string): string | undefined {
  const code = canonicalAgencyCode(raw);
  return isValidAgencyCode(code) ? code : undefined;
}

/** Canonical code; throws AGENCY_CODE_INVALID (400) naming the offending input. */
export function normalizeAgencyCode(raw: string, field = 'code'): string {
  const code = tryNormalizeAgencyCode(raw);
  if (code === undefined) {
    throw new AppException(
      'AGENCY_CODE_INVALID',
      `Mã định danh cơ quan "${raw.slice(0, 40)}" không đúng định dạng (ví dụ 000.00.00.G22, tối đa ${AGENCY_CODE_MAX_LENGTH} ký tự).`,
      400,
      { field, value: raw.slice(0, 40) },
    );
  }
  return code;
}
