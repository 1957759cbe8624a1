import type { Dayjs } from 'dayjs';

/** Form values to API JSON: dates as YYYY-MM-DD, empty strings dropped. */
export function toApiFields(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (
      typeof value === 'object' &&
      value !== null &&
      'format' in value &&
      typeof (value as Dayjs).format === 'function'
    )
      out[key] = (value as Dayjs).format('YYYY-MM-DD');
    else out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
