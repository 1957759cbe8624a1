import { z } from 'zod';

/** Nothing the agencies handle predates the electronic registers; nothing is due decades ahead. */
export const EARLIEST_DATE = '2000-01-01';
const YEARS_AHEAD = 10;

function latestYear(): number {
  return new Date().getUTCFullYear() + YEARS_AHEAD;
}

/**
 * A calendar day in a request (issued dates, deadlines, periods): YYYY-MM-DD from 2000-01-01 to
 * 31 December ten years ahead. Outside it the field's issue carries the code DATE_OUT_OF_RANGE
 * (`9999-12-31` is a typing slip, not a deadline).
 */
export const requestDate = z.iso
  .date()
  .superRefine((value, ctx) => {
    const latest = `${latestYear()}-12-31`;
    if (value < EARLIEST_DATE || value > latest) {
      ctx.addIssue({
        code: 'custom',
        message: `Ngày phải từ ${EARLIEST_DATE} đến ${latest}`,
        params: { code: 'DATE_OUT_OF_RANGE' },
      });
    }
  })
  .meta({ description: `Ngày YYYY-MM-DD, từ ${EARLIEST_DATE} đến 31/12 của năm sau ${YEARS_AHEAD} năm nữa` });

/** A register or file year in a request, 2000 … ten years ahead (DATE_OUT_OF_RANGE outside). */
export const requestYear = z
  .number()
  .int()
  .superRefine((value, ctx) => {
    if (value < 2000 || value > latestYear()) {
      ctx.addIssue({
        code: 'custom',
        message: `Năm phải từ 2000 đến ${latestYear()}`,
        params: { code: 'DATE_OUT_OF_RANGE' },
      });
    }
  });

/** The same year given in a query string. */
export const requestYearQuery = z.coerce.number().pipe(requestYear);
