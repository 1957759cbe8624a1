export const AGENCY_CODE_MAX_LENGTH = 35;

/**
 * `CCC.BB.AA.XNN` (the level-1 unit last, e.g. `000.00.00.G22`), optionally followed by further
 * dot-separated groups for units below the fourth level. Kept in sync with the check constraint
 * `ck_agency_code_format` of the directory migration. In libs/shared because the directory and the
 * edXML layer (which must not depend on the directory) apply the same rule.
 */
export const AGENCY_CODE_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}(\.[A-Z0-9]{1,8})*$/;

export function isValidAgencyCode(code: string): boolean {
  return code.length <= AGENCY_CODE_MAX_LENGTH && AGENCY_CODE_PATTERN.test(code);
}
