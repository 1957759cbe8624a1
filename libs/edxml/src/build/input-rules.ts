import { isValidAgencyCode } from '@vanthu/shared';
import { edxmlError } from '../edxml.errors';
import { isCalendarDate, isModelTimestamp, vietnamTimestamp } from '../values/edxml-date';
import { firstNonXmlChar, normalizeText } from '../values/xml-text';

export interface TextRule {
  readonly required?: boolean;
  /** maximum length in characters (the ND30 maxima of domain.md §2) */
  readonly max?: number;
  /** refuse line breaks (codes, names, identifiers) */
  readonly oneLine?: boolean;
  readonly pattern?: RegExp;
}

/** Refusal of builder input: EDXML_INVALID_INPUT naming the field and the rule it breaks. */
export function invalid(field: string, rule: string, value?: unknown): never {
  const shown = typeof value === 'string' ? value.slice(0, 60) : value;
  throw edxmlError('EDXML_INVALID_INPUT', { field, rule, ...(shown === undefined ? {} : { value: shown }) });
}

/**
 * A text field as the builder writes it: NFC, LF line breaks, surrounding white space dropped;
 * undefined when empty. Refuses what XML 1.0 cannot carry.
 */
export function text(field: string, value: string | undefined, rule: TextRule = {}): string | undefined {
  if (value !== undefined && typeof value !== 'string') invalid(field, 'not-text', String(value));
  const normalized = value === undefined ? '' : normalizeText(value).trim();
  if (normalized === '') {
    if (rule.required) invalid(field, 'required');
    return undefined;
  }
  if (firstNonXmlChar(normalized) >= 0) invalid(field, 'character-not-allowed-in-xml');
  if (rule.max !== undefined && [...normalized].length > rule.max) invalid(field, `max-length-${rule.max}`);
  if (rule.oneLine && normalized.includes('\n')) invalid(field, 'line-break', normalized);
  if (rule.pattern && !rule.pattern.test(normalized)) invalid(field, 'format', normalized);
  return normalized;
}

export function requiredText(field: string, value: string | undefined, rule: TextRule = {}): string {
  return text(field, value, { ...rule, required: true })!;
}

/** An agency code of ours or of a recipient in our directory: the standard's pattern, nothing else. */
export function agencyCode(field: string, value: string | undefined): string {
  const code = requiredText(field, value, { oneLine: true });
  if (!isValidAgencyCode(code)) invalid(field, 'agency-code', code);
  return code;
}

/** An identifier we echo back as received (a sender's code may be `vxp.saas.03`): one line, no spaces. */
export function foreignIdentifier(field: string, value: string | undefined, max = 100): string {
  return requiredText(field, value, { oneLine: true, max, pattern: /^\S+$/ });
}

export function date(field: string, value: string | undefined, required = false): string | undefined {
  const d = text(field, value, { required, oneLine: true });
  if (d !== undefined && !isCalendarDate(d)) invalid(field, 'date-YYYY-MM-DD', d);
  return d;
}

/** ISO 8601 with an offset and whole seconds; returned in Vietnam time as the package writes it. */
export function timestamp(field: string, value: string | undefined): string {
  const t = requiredText(field, value, { oneLine: true });
  if (!isModelTimestamp(t)) invalid(field, 'timestamp-iso8601-with-offset', t);
  return vietnamTimestamp(new Date(t));
}

export function integer(
  field: string,
  value: number | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) invalid(field, `integer-${min}-${max}`, value);
  return value;
}

/** `cid:` content ids: printable ASCII without spaces, unique within a package. */
export const CONTENT_ID = /^[\x21-\x7e]{1,200}$/;

/** `type/subtype` as MIME writes it. */
export const CONTENT_TYPE = /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*$/;
