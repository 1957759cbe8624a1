const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Dates of registers as printed (`dd/mm/yyyy`) and as spreadsheet cells. A value that is not a
 * `YYYY-MM-DD` date is shown as it is rather than dropped: a register must not lose what was typed.
 */
export const printDate = {
  text(iso: string | null | undefined): string {
    if (!iso) return '';
    const m = ISO_DATE.exec(iso.trim());
    return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
  },

  /** Midnight UTC, so spreadsheet programs show the same calendar day in every time zone. */
  utc(iso: string | null | undefined): Date | null {
    const m = iso ? ISO_DATE.exec(iso.trim()) : null;
    if (!m) return null;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return date.getUTCDate() === Number(m[3]) ? date : null;
  },
};
