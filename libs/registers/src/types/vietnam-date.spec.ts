import { addDays, vietnamDate, vietnamYear } from './vietnam-date';

describe('Vietnam calendar dates', () => {
  it('turns the year at midnight in Hanoi, not in UTC', () => {
    // 31 Dec 2026 17:00 UTC is already 1 January 2027 in Vietnam: the new series starts at 01
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
