import { printDate } from './print-date';

describe('printDate', () => {
  it('prints YYYY-MM-DD as dd/mm/yyyy and nothing for no date', () => {
    expect(printDate.text('2025-03-02')).toBe('02/03/2025');
    expect(printDate.text(null)).toBe('');
  });

  it('keeps what it cannot read, for the register not to lose it', () => {
    expect(printDate.text('30/10/2020')).toBe('30/10/2020');
    expect(printDate.utc('30/10/2020')).toBeNull();
  });

  it('gives midnight UTC of real calendar days only', () => {
    expect(printDate.utc('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(printDate.utc('2025-02-29')).toBeNull();
  });
});
