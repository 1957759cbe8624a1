const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `YYYY-MM-DD` naming a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** `2020-10-30` → `2020/10/30`, the standard's date form. */
export function formatEdxmlDate(date: string): string {
  return date.replaceAll('-', '/');
}

/** An instant as ISO 8601 in Vietnam time (UTC+7, no daylight saving), to the second. */
export function vietnamTimestamp(at: Date): string {
  return `${new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** ISO 8601 with the Vietnam offset → `yyyy/MM/dd HH:mm:ss`, the standard's timestamp form. */
export function formatEdxmlTimestamp(timestamp: string): string {
  const at = new Date(timestamp);
  return vietnamTimestamp(at).slice(0, 19).replace('T', ' ').replaceAll('-', '/');
}

/** ISO 8601 with an explicit offset and whole seconds, as the model holds timestamps. */
export function isModelTimestamp(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/.exec(value);
  return m !== null && isCalendarDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

export interface LenientDate {
  /** `YYYY-MM-DD`, undefined when the text names no real day */
  readonly value?: string;
  /** true when the text was not in the standard's `yyyy/MM/dd` form */
  readonly nonstandard: boolean;
}

/**
 * Dates as packages in the wild write them: `2020/10/30` (the standard), `30/10/2020`, `2020-10-30`,
 * one-digit days and months, and any of these followed by a time of day.
 */
export function readEdxmlDate(raw: string): LenientDate {
  const text = raw.trim();
  const standard = /^\d{4}\/\d{2}\/\d{2}$/.test(text);
  const day = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T].*)?$/.exec(text);
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T].*)?$/.exec(text);
  const [y, m, d] = day ? [day[1], day[2], day[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (y === undefined) return { nonstandard: true };
  const value = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return { value: isCalendarDate(value) ? value : undefined, nonstandard: !standard };
}

export interface LenientTimestamp {
  /** ISO 8601 with the Vietnam offset */
  readonly value?: string;
  readonly nonstandard: boolean;
}

/**
 * Timestamps: `yyyy/MM/dd HH:mm:ss` in Vietnam time (the standard), the same with `-` or day first,
 * and ISO 8601 with an offset (converted to Vietnam time).
 */
export function readEdxmlTimestamp(raw: string): LenientTimestamp {
  const text = raw.trim();
  const standard = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/.test(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const at = new Date(text);
    return { value: Number.isNaN(at.getTime()) ? undefined : vietnamTimestamp(at), nonstandard: true };
  }
  const m = /^(\S+)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const date = m ? readEdxmlDate(m[1]).value : undefined;
  if (!m || !date) return { nonstandard: true };
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return { nonstandard: true };
  const two = (n: number) => String(n).padStart(2, '0');
  return { value: `${date}T${two(h)}:${two(min)}:${two(s)}+07:00`, nonstandard: !standard };
}
