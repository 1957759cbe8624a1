import { AGENCY_CODE_MAX_LENGTH, AppException, isValidAgencyCode } from '@vanthu/shared';

export { AGENCY_CODE_MAX_LENGTH, AGENCY_CODE_PATTERN, isValidAgencyCode } from '@vanthu/shared';

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
