/**
 * A date as a Vietnamese user types it (dd/mm/yyyy), `days` after today *in Vietnam*: the browser
 * runs in Asia/Ho_Chi_Minh and the server dates in Vietnam time, while this machine's clock may be
 * UTC, where "today" is another day from 17:00 to midnight.
 */
export function vietnamDateIn(days: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(Date.now() + days * 86_400_000));
}
